from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from comments.mixins import CommentablePageMixin
from core import versions
from core.blocks import BodyBlock
from core.invalidation import PAGES
from core.models import BasePage
from core.pagination import paginate
from core.privacy import hidden_paths, visible
from people.choosers import PersonChooser
from people.models import PEOPLE_VERSION, people_with_profiles

from .admin_forms import ProjectPageForm
from .choices import ProjectStatus
from .filters import ProjectFilterForm


class Theme(index.Indexed, models.Model):
    """A theme of the Mental Frikommune strategy (e.g. "Medborgerskab og fællesskaber").

    A list kept in the admin (Snippets) rather than free text, so the project index can filter by it.
    """

    name = models.CharField(_("navn"), max_length=80, unique=True)
    slug = models.SlugField(
        _("adresse-navn"), max_length=80, unique=True, blank=True, help_text=_("Bruges i filteret på /projekter/.")
    )
    description = models.TextField(_("beskrivelse"), max_length=600, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("tema")
        verbose_name_plural = _("temaer")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:80]
        super().save(*args, **kwargs)


class ProjectIndexPage(BasePage):
    """/projekter/: lists the theme projects, filterable by status and theme."""

    template = "projects/project_index_page.html"
    per_page = 20

    # One project index, directly under the front page.
    parent_page_types = ["home.HomePage"]
    subpage_types = ["projects.ProjectPage"]
    max_count = 1

    class Meta:
        verbose_name = _("projektoversigt")
        verbose_name_plural = _("projektoversigter")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = ProjectFilterForm(request.GET or None, themes=Theme.objects.all())
        filters = form.cleaned_data if form.is_valid() else {}
        projects = visible(ProjectPage.objects.child_of(self).live(), request).select_related("theme", "lead")
        projects = projects.order_by("title")
        if filters.get("status"):
            projects = projects.filter(status=filters["status"])
        if filters.get("tema"):
            projects = projects.filter(theme=filters["tema"])
        page_obj = paginate(request, projects, self.per_page)
        context.update(
            {
                "form": form,
                "page_obj": page_obj,
                "projects": page_obj.object_list,
                "filtered": bool(filters.get("status") or filters.get("tema")),
            }
        )
        return context


# Other apps add sections to a project page without projects/ knowing them: a function registered
# under this hook name takes (request, project) and returns a dict with "template" and "context"
# (handed to the template as ``section``), or None; e.g. news adds the articles about the project.
# The sections are drawn once and kept (``ProjectPage.cached_parts``) for every reader with the same
# hidden sections (core.privacy) and language, until a page is saved or published or a profile
# changes: a section may show published pages and people, nothing of the reader's own. One whose
# content changes with time alone adds "expires" (a datetime) to its dict.
PROJECT_SECTIONS_HOOK = "project_page_sections"
# The version (core/versions.py) of the themes' names, moved when a theme is saved or deleted (signals).
THEMES_VERSION = "projects:themes"
# Other apps add sub-addresses under every project page without projects/ knowing them: a
# function registered under this hook name returns a list of ``django.urls.path`` routes whose
# views take ``(project, request, ...)``; e.g. workshops adds ``indsend/``, the submission form.
PROJECT_ROUTES_HOOK = "project_page_routes"


class ProjectPage(CommentablePageMixin, RoutablePageMixin, BasePage):
    """A theme project of Mental Frikommune, kept by its lead.

    Routable, so that sub-addresses registered by other apps (``PROJECT_ROUTES_HOOK``) live under
    it; employees comment on it through the comments app.
    Saving a project with a new lead moves the edit and publish rights on it (``services``, called
    from ``signals``).
    The live page's lead counts: a lead changed in a draft takes over when the draft is published.
    """

    template = "projects/project_page.html"
    base_form_class = ProjectPageForm

    theme = models.ForeignKey(
        Theme,
        verbose_name=_("tema"),
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="projects",
    )
    status = models.CharField(_("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.IDEA)
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("projektleder"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_projects",
        help_text=_("Projektlederen får automatisk ret til at redigere og udgive projektet og siderne under det."),
    )
    purpose = models.TextField(
        _("formål"), max_length=1500, blank=True, help_text=_("Hvad skal projektet opnå, og for hvem?")
    )
    body = StreamField(BodyBlock(), verbose_name=_("brødtekst"), blank=True)
    start_date = models.DateField(_("startdato"), null=True, blank=True)
    end_date = models.DateField(_("slutdato"), null=True, blank=True)
    contact_name = models.CharField(_("kontaktperson"), max_length=120, blank=True)
    contact_email = models.EmailField(_("kontakt-e-mail"), blank=True)
    contact_phone = models.CharField(_("kontakttelefon"), max_length=20, blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("theme"),
                FieldPanel("status"),
                # Only those allowed to appoint leads see the field: a lead cannot hand the project away.
                FieldPanel("lead", permission="projects.assign_project_lead", widget=PersonChooser),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading=_("Projektet"),
        ),
        FieldPanel("purpose"),
        FieldPanel("body"),
        InlinePanel("team_members", heading=_("Projektgruppe"), label=_("Medlem")),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Kontakt"),
        ),
    ]
    settings_panels = BasePage.settings_panels + CommentablePageMixin.comment_panels
    search_fields = BasePage.search_fields + [
        index.SearchField("purpose"),
        index.SearchField("body"),
        index.RelatedFields("theme", [index.SearchField("name")]),
        index.FilterField("status"),
    ]

    # Projects live only in the project index; below a project hang its workshop outcomes.
    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = ["workshops.WorkshopOutcomePage"]

    class Meta:
        verbose_name = _("projekt")
        verbose_name_plural = _("projekter")
        permissions = [("assign_project_lead", _("Kan udpege projektledere"))]

    @classmethod
    def get_subpage_urls(cls):
        """The page's own routes, then those registered under ``PROJECT_ROUTES_HOOK``.

        ``RoutablePageMixin`` builds its resolver from this list once per class, on first use.
        """
        registered = [route for hook in hooks.get_hooks(PROJECT_ROUTES_HOOK) for route in hook()]
        return (*super().get_subpage_urls(), *registered)

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Slutdatoen kan ikke ligge før startdatoen.")})

    def get_team(self):
        """The lead and the team with their profiles, in a fixed number of queries."""
        members = list(self.team_members.select_related("user", "user__profile", "user__profile__department"))
        return members

    def comment_notification_recipients(self):
        """Whom comments/notifications.py tells about a new comment here: the project's lead."""
        return [self.lead] if self.lead_id else []

    def follow_targets(self):
        """Comments here reach those who follow the project (comments/notifications.py)."""
        return [self]

    def get_lead(self):
        if not self.lead_id:
            return None
        return people_with_profiles().filter(pk=self.lead_id).first()

    def get_sections(self, request):
        sections = (hook(request, self) for hook in hooks.get_hooks(PROJECT_SECTIONS_HOOK))
        return [section for section in sections if section]

    def cached_parts(self, request):
        """The theme's name and the HTML of the people, contact and sections, drawn once and kept.

        Kept under the versions of the page tree (any page saved or published, the team included),
        the people (names, profiles, photos) and the themes, per language and per set of sections the
        reader may not see, so a reader never gets a stale or a forbidden part. Sections that change
        with time alone (coming workshops) say when (``expires``); the parts are drawn again then.
        """
        if getattr(request, "is_preview", False):
            return self._draw_parts(request)  # a draft's team and sections, never kept
        key = versions.key_for(
            ("project-page", self.pk, self.theme_id, get_language(), *hidden_paths(request)),
            [PAGES, PEOPLE_VERSION, THEMES_VERSION],
        )
        parts = cache.get(key)
        if parts is None or (parts["expires"] is not None and parts["expires"] <= timezone.now()):
            parts = self._draw_parts(request)
            cache.set(key, parts, versions.DEFAULT_TIMEOUT)
        return parts

    def _draw_parts(self, request):
        sections = self.get_sections(request)
        expiries = [section["expires"] for section in sections if section.get("expires")]
        context = {"page": self, "lead": self.get_lead(), "team": self.get_team(), "sections": sections}
        return {
            "theme": self.theme.name if self.theme_id else "",
            "html": render_to_string("projects/project_page_parts.html", {**context, "request": request}),
            "expires": min(expiries, default=None),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["parts"] = self.cached_parts(request)
        return context


class ProjectTeamMember(Orderable):
    """A colleague on the project's team, with their role in it."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="team_members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medarbejder"),
        on_delete=models.CASCADE,
        related_name="project_memberships",
    )
    role = models.CharField(_("rolle i projektet"), max_length=120, blank=True)

    panels = [FieldPanel("user", widget=PersonChooser), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("projektgruppemedlem")
        verbose_name_plural = _("projektgruppe")


class ProjectLeadAccess(models.Model):
    """The Wagtail group that holds the edit and publish rights on one project for its current lead.

    Wagtail grants page permissions to groups; one group per project, with the lead as its only
    member, gives exactly that project and its sub-pages to exactly that person.
    Kept apart from the page so revisions and page copies never carry it.
    """

    project = models.OneToOneField(ProjectPage, on_delete=models.CASCADE, related_name="lead_access")
    group = models.OneToOneField("auth.Group", on_delete=models.CASCADE, related_name="project_lead_access")

    class Meta:
        verbose_name = _("projektleders adgang")
        verbose_name_plural = _("projektlederes adgange")

    def __str__(self):
        return self.group.name
