from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.targets import PersonOnObject


class Reaction(PersonOnObject):
    """One person's "Synes godt om" (or support of an idea) on one object.

    The unique constraint is what keeps it at one per person and object, also when two presses
    arrive at the same moment (``services.add`` turns the loser's IntegrityError into a no-op).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("bruger"), on_delete=models.CASCADE, related_name="reactions"
    )
    created_at = models.DateTimeField(_("tidspunkt"), default=timezone.now)

    class Meta:
        verbose_name = _("reaktion")
        verbose_name_plural = _("reaktioner")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "content_type", "object_id"], name="reactions_one_per_person")
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="reaction_target")]
