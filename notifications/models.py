from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.names import display_name
from core.targets import PersonOnObject

from .kinds import get_kind

EXCERPT_MAX_LENGTH = 1000


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """One thing a person should know about, shown at /notifikationer/ and maybe e-mailed.

    The text is composed when shown, from the kind's message with the actor's name and the
    title, so it follows the reader's language.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("modtager"), on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("slags"), max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("udført af"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("titel"), max_length=255)
    url = models.CharField(_("link"), max_length=500)
    excerpt = models.TextField(_("uddrag"), blank=True, max_length=EXCERPT_MAX_LENGTH)
    created_at = models.DateTimeField(_("oprettet"), default=timezone.now)
    read_at = models.DateTimeField(_("læst"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notifikation")
        verbose_name_plural = _("notifikationer")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "-created_at", "-id"], name="notification_newest_first"),
            models.Index(fields=["recipient", "read_at"], name="notification_unread"),
        ]

    def __str__(self):
        return self.message

    @property
    def is_unread(self):
        return self.read_at is None

    @property
    def kind_label(self):
        kind = get_kind(self.kind)
        return kind.label if kind else self.kind

    @property
    def message(self):
        kind = get_kind(self.kind)
        template = kind.message if kind else "%(title)s"
        actor = display_name(self.actor) or gettext("En tidligere medarbejder")
        return str(template) % {"actor": actor, "title": self.title}


class NotificationPreference(models.Model):
    """A person's choice for one kind; without a row the kind's defaults apply (shown, e-mail as the kind says)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bruger"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("slags"), max_length=40)
    enabled = models.BooleanField(_("vis på intranettet"), default=True)
    email = models.BooleanField(_("send også en e-mail"), default=False)

    class Meta:
        verbose_name = _("notifikationsvalg")
        verbose_name_plural = _("notifikationsvalg")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="notifications_one_preference_per_kind")]

    def __str__(self):
        return f"{self.user}: {self.kind}"


class Follow(PersonOnObject):
    """A person follows a project, a news category, an outcome...: new things there reach their notifications."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("bruger"), on_delete=models.CASCADE, related_name="follows"
    )
    created_at = models.DateTimeField(_("fulgt siden"), default=timezone.now)

    class Meta:
        verbose_name = _("følger")
        verbose_name_plural = _("følger")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "content_type", "object_id"], name="notifications_one_follow")
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="follow_target")]
