from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from projects.models import ProjectPage

from ..choices import IDEA_MOVES, IdeaStatus


class Idea(index.Indexed, models.Model):
    """One idea of a published outcome, followed until it is implemented or parked."""

    outcome = models.ForeignKey(
        "workshops.WorkshopOutcomePage",
        verbose_name=_("workshopresultat"),
        on_delete=models.CASCADE,
        related_name="idea_records",
    )
    # The outcome's project, kept here so the admin can filter ideas by project.
    project = models.ForeignKey(ProjectPage, verbose_name=_("projekt"), on_delete=models.CASCADE, related_name="ideas")
    block_id = models.CharField(max_length=64, editable=False)
    title = models.CharField(_("titel"), max_length=255)
    description = models.TextField(_("beskrivelse"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=IdeaStatus.choices, default=IdeaStatus.NEW)
    sort_order = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    status_changed_at = models.DateTimeField(_("status ændret"), default=timezone.now)

    # The site search (/soeg/) lists ideas on their own; it filters by outcome to show only published ones.
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("description"),
        index.FilterField("outcome"),
        index.FilterField("created_at"),
        index.FilterField("id"),
    ]

    class Meta:
        verbose_name = _("idé")
        verbose_name_plural = _("idéer")
        ordering = ["outcome", "sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["outcome", "block_id"], name="unique_idea_per_block")]
        # The dashboard's "newest ideas" and search read ideas newest first.
        indexes = [models.Index(fields=["-created_at", "-id"], name="idea_newest_first")]

    def __str__(self):
        return self.title

    def allowed_moves(self):
        return IDEA_MOVES[IdeaStatus(self.status)]


class IdeaStatusChange(models.Model):
    """Who moved an idea, from what to what, and when."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(_("fra"), max_length=20, choices=IdeaStatus.choices)
    to_status = models.CharField(_("til"), max_length=20, choices=IdeaStatus.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ændret af"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(_("tidspunkt"), auto_now_add=True)

    class Meta:
        verbose_name = _("statusændring")
        verbose_name_plural = _("statusændringer")
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.idea}: {self.from_status} → {self.to_status}"
