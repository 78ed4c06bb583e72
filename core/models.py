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
