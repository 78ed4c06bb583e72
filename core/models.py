from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


class BasePage(Page):
    """Fields every content page shares.

    ``introduction`` is the short lead shown under the title, in listings and in search
    results. Subclasses extend ``BasePage.content_panels`` and ``BasePage.search_fields``.
    """

    introduction = models.TextField(
        _("manchet"),
        blank=True,
        max_length=600,
        help_text=_("En kort indledning, der vises under titlen og i oversigter."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    class Meta:
        abstract = True


class WorkerHeartbeat(models.Model):
    """The last sign of life of each background worker process (``manage.py run_worker``).

    Written every ``WORKER_BEAT_SECONDS`` by the worker's scheduler; the operator status shows it,
    so a worker that died is noticed before e-mails and scheduled news pile up.
    """

    worker_id = models.CharField(_("worker-id"), max_length=64, unique=True)
    hostname = models.CharField(_("maskine"), max_length=255)
    pid = models.PositiveIntegerField(_("proces-id"))
    started_at = models.DateTimeField(_("startet"))
    beat_at = models.DateTimeField(_("seneste livstegn"), db_index=True)

    class Meta:
        verbose_name = _("baggrundsproces")
        verbose_name_plural = _("baggrundsprocesser")

    def __str__(self):
        return f"{self.hostname}:{self.pid}"
