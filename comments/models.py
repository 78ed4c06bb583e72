from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import EDIT_WINDOW, MAX_LENGTH


class CommentQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(status=Comment.Status.VISIBLE)

    def for_page(self, page):
        return self.filter(page_id=page.pk)

    def reported(self):
        """Comments with at least one open (unhandled) report: the moderation queue."""
        return self.filter(Exists(CommentReport.objects.filter(comment=OuterRef("pk"), resolved_at__isnull=True)))

    def with_open_report_count(self):
        return self.annotate(open_report_count=Count("reports", filter=Q(reports__resolved_at__isnull=True)))


def with_comment_count(page_queryset, name="comment_count"):
    """Annotate any page queryset with its number of visible comments, in the same query.

    For teaser cards: ``with_comment_count(NewsArticlePage.objects.live())``.
    """
    counts = (
        Comment.objects.visible()
        .filter(page_id=OuterRef("pk"))
        .order_by()
        .values("page_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return page_queryset.annotate(**{name: Coalesce(Subquery(counts, output_field=IntegerField()), 0)})


class Comment(models.Model):
    """One employee comment on a page. Never hard-deleted: deleting and hiding change ``status``."""

    class Status(models.TextChoices):
        VISIBLE = "visible", _("synlig")
        DELETED = "deleted", _("slettet af forfatteren")
        HIDDEN = "hidden", _("skjult af moderator")

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("side"), on_delete=models.CASCADE, related_name="intranet_comments"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("svar på"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("forfatter"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="intranet_comments",
    )
    body = models.TextField(_("kommentar"), max_length=MAX_LENGTH)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.VISIBLE)
    created_at = models.DateTimeField(_("skrevet"), default=timezone.now)
    edited_at = models.DateTimeField(_("redigeret"), null=True, blank=True)
    moderation_reason = models.TextField(_("begrundelse for skjul"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skjult af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("skjult"), null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("kommentar")
        verbose_name_plural = _("kommentarer")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["page", "status"]), models.Index(fields=["author", "created_at"])]
        permissions = [("moderate_comment", _("Kan moderere kommentarer (skjule og vise igen)"))]

    def __str__(self):
        text = " ".join(self.body.split())
        return text[:60] + ("…" if len(text) > 60 else "")

    @property
    def is_visible(self):
        return self.status == self.Status.VISIBLE

    @property
    def is_hidden(self):
        return self.status == self.Status.HIDDEN

    @property
    def is_deleted(self):
        return self.status == self.Status.DELETED

    @property
    def is_reply(self):
        return self.parent_id is not None

    def edit_deadline(self):
        return self.created_at + EDIT_WINDOW

    def can_be_edited_by(self, user, now=None):
        now = now or timezone.now()
        return self.is_visible and self.author_id == user.pk and now <= self.edit_deadline()

    def can_be_deleted_by(self, user):
        return self.is_visible and self.author_id == user.pk

    def can_be_reported_by(self, user):
        return self.is_visible and user.is_authenticated and self.author_id != user.pk


class CommentReport(models.Model):
    """An employee's report that a comment breaks the rules; open until a moderator acts."""

    comment = models.ForeignKey(Comment, verbose_name=_("kommentar"), on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("anmeldt af"), on_delete=models.CASCADE, related_name="+"
    )
    reason = models.TextField(_("begrundelse"), blank=True, max_length=1000)
    created_at = models.DateTimeField(_("anmeldt"), default=timezone.now)
    resolved_at = models.DateTimeField(_("behandlet"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("behandlet af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("anmeldelse")
        verbose_name_plural = _("anmeldelser")
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "reporter"],
                condition=Q(resolved_at__isnull=True),
                name="comments_one_open_report_per_user",
            )
        ]

    def __str__(self):
        return f"{self.comment} ({self.reporter})"
