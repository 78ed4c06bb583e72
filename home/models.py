from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import BodyBlock
from core.models import BasePage
from core.routing import route_along_path


class HomePage(BasePage):
    """The dashboard ("Forside"): the root of the intranet's page tree."""

    template = "home/home_page.html"

    # The site root: exactly one, directly under Wagtail's tree root; its sections below it.
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "news.NewsIndexPage",
        "projects.ProjectIndexPage",
        "people.ChangeAgentDirectoryPage",
        "events.EventIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("forside")
        verbose_name_plural = _("forsider")

    def route(self, request, path_components):
        """Every page of the site is found from here: in two queries instead of two per level (core/routing.py)."""
        return route_along_path(self, request, path_components)

    def get_context(self, request, *args, **kwargs):
        """The logged-in person's dashboard (``home.dashboard``); everything is behind login."""
        from .dashboard import dashboard_for, drawn_key, shortcuts

        context = super().get_context(request, *args, **kwargs)
        if request.user.is_authenticated:
            context["dashboard"] = dashboard_for(request)
            context["shortcuts"] = shortcuts(self)
            context["dashboard_key"] = drawn_key(request, self, context["dashboard"])
        return context


class StandardPage(BasePage):
    """A plain content page, e.g. "Om Mental Frikommune" or the accessibility statement."""

    template = "home/standard_page.html"

    body = StreamField(BodyBlock(), verbose_name=_("brødtekst"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    # Standard pages hang under the front page or under each other (sub-pages of "Om ...").
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standardside")
        verbose_name_plural = _("standardsider")


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Site-wide links the base layout needs, editable in the admin under Indstillinger."""

    accessibility_statement = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("tilgængelighedserklæring"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_email = models.EmailField(_("kontakt-e-mail til intranettet"), blank=True)

    panels = [PageChooserPanel("accessibility_statement"), FieldPanel("contact_email")]

    class Meta:
        verbose_name = _("intranetindstillinger")
