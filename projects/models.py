from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin

from core.models import BasePage


class ProjectIndexPage(BasePage):
    """/projekter/: lists the theme projects."""

    template = "projects/project_index_page.html"

    # One project index, directly under the front page.
    parent_page_types = ["home.HomePage"]
    subpage_types = ["projects.ProjectPage"]
    max_count = 1

    class Meta:
        verbose_name = _("projektoversigt")


class ProjectPage(RoutablePageMixin, BasePage):
    """A theme project of Mental Frikommune, kept by its lead.

    Routable, so that sub-addresses such as ``indsend/`` (workshop submission) live under it.
    """

    template = "projects/project_page.html"

    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("projektleder"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_projects",
    )

    content_panels = BasePage.content_panels + [FieldPanel("lead")]

    # Projects live only in the project index.
    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("projekt")
        verbose_name_plural = _("projekter")
