"""People as the intranet shows them: a profile per user and the change-agent directory page."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Prefetch, Q
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model, get_image_model_string
from wagtail.search import index

from core import versions
from core.invalidation import PAGES
from core.models import BasePage
from core.names import display_name
from core.pagination import paginate

from . import roles
from .filters import DirectorySearchForm

PHOTO_RENDITION = "fill-160x160"
# The version (core/versions.py) of what pages show about people: names, profiles, departments,
# competences, photos. Moved by people/signals.py; pages that keep people's cards (a project's team,
# the directory) are kept under it.
PEOPLE_VERSION = "people"


class Department(models.Model):
    """A department of the municipality; a list kept in the admin so the directory can filter by it."""

    name = models.CharField(_("navn"), max_length=120, unique=True)

    panels = [FieldPanel("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("afdeling")
        verbose_name_plural = _("afdelinger")

    def __str__(self):
        return self.name


class Competence(TagBase):
    """A competence or method (e.g. "Procesfacilitering"), its own tag list apart from page tags."""

    class Meta:
        ordering = ["name"]
        verbose_name = _("kompetence")
        verbose_name_plural = _("kompetencer")


class TaggedCompetence(TaggedItemBase):
    tag = models.ForeignKey(Competence, on_delete=models.CASCADE, related_name="tagged_profiles")
    content_object = models.ForeignKey("people.Profile", on_delete=models.CASCADE, related_name="tagged_competences")


phone_validator = RegexValidator(
    r"^\+?[0-9 ]{8,20}$", _("Skriv et telefonnummer med 8 cifre eller flere, evt. med + og mellemrum.")
)


class SingleSignOnIdentity(models.Model):
    """Who the person is at the municipality's identity provider: its issuer and the subject (``sub``).

    Single sign-on finds people by this pair first (``intranet.oidc``): a new e-mail address in the
    directory keeps the account, and an address handed on to a newcomer does not hand over the
    account of the one who had it. Anonymising a person removes the pair (``people.departure``).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bruger"),
        on_delete=models.CASCADE,
        related_name="sso_identities",
    )
    issuer = models.CharField(_("udsteder"), max_length=255)
    subject = models.CharField(_("id hos udstederen"), max_length=255)
    created_at = models.DateTimeField(_("første login"), auto_now_add=True)

    class Meta:
        verbose_name = _("login-identitet")
        verbose_name_plural = _("login-identiteter")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="people_one_account_per_subject"),
            models.UniqueConstraint(fields=["user", "issuer"], name="people_one_subject_per_account"),
        ]

    def __str__(self):
        return f"{self.issuer} {self.subject}"


class Profile(index.Indexed, models.Model):
    """What colleagues see about a person. Created together with the user (see ``signals``).

    Name and e-mail live on the user account (they come from the user administration);
    everything here is the person's own to keep up to date at ``/min-profil/``.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("bruger"), on_delete=models.CASCADE, related_name="profile"
    )
    job_title = models.CharField(_("stilling"), max_length=120, blank=True)
    department = models.ForeignKey(
        Department,
        verbose_name=_("afdeling"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="profiles",
    )
    photo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt_text = models.CharField(
        _("beskrivelse af foto"),
        max_length=250,
        blank=True,
        help_text=_("Kort beskrivelse af fotoet til skærmlæsere, fx “Portræt af Frida, der smiler”."),
    )
    competencies = TaggableManager(
        verbose_name=_("kompetencer"),
        through=TaggedCompetence,
        blank=True,
        help_text=_("Adskil med komma, fx “Procesfacilitering, Borgerinddragelse”."),
    )
    methods = models.TextField(
        _("metoder"),
        max_length=1000,
        blank=True,
        help_text=_("De metoder og værktøjer, du arbejder med eller kan hjælpe andre med."),
    )
    phone = models.CharField(_("telefon"), max_length=20, blank=True, validators=[phone_validator])

    panels = [
        FieldPanel("user"),
        FieldPanel("job_title"),
        FieldPanel("department"),
        FieldPanel("photo"),
        FieldPanel("photo_alt_text"),
        FieldPanel("competencies"),
        FieldPanel("methods"),
        FieldPanel("phone"),
    ]

    # The site search (/soeg/) finds people by name, job, department, competences and methods;
    # it shows active users only, hence the filter on the account.
    search_fields = [
        index.RelatedFields(
            "user",
            [
                index.SearchField("first_name", boost=2),
                index.SearchField("last_name", boost=2),
                index.SearchField("username"),
                index.FilterField("is_active"),
            ],
        ),
        index.SearchField("job_title"),
        index.SearchField("methods"),
        index.RelatedFields("department", [index.SearchField("name")]),
        index.RelatedFields("competencies", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = _("profil")
        verbose_name_plural = _("profiler")

    def __str__(self):
        return display_name(self.user)

    def clean(self):
        super().clean()
        if self.photo_id and not self.photo_alt_text.strip():
            raise ValidationError({"photo_alt_text": _("Beskriv fotoet, så det også giver mening for skærmlæsere.")})


def people_with_profiles(queryset=None):
    """Users with everything a listing shows fetched up front, so a page costs the same queries for 20 or 300."""
    User = get_user_model()
    queryset = User.objects.all() if queryset is None else queryset
    photos = get_image_model().objects.prefetch_renditions(PHOTO_RENDITION)
    return queryset.select_related("profile", "profile__department").prefetch_related(
        Prefetch("profile__photo", queryset=photos), "profile__competencies"
    )


SEARCHED_FIELDS = [
    "first_name",
    "last_name",
    "profile__job_title",
    "profile__department__name",
    "profile__competencies__name",
    "profile__methods",
]


def case_variants(word):
    """The word as typed, lower-case, upper-case and capitalised.

    PostgreSQL folds case for every letter, but SQLite's LIKE only for A-Z: "ældre" would not
    find "Ældreområdet" there without trying the capitalised spelling too.
    """
    return sorted({word, word.lower(), word.upper(), word.capitalize()})


def directory_competences():
    """The competences the directory filters by: those of active change agents, in alphabetical order
    whatever their case (a competence only an employee outside the directory has would find nobody)."""
    agents = get_user_model().objects.filter(is_active=True, groups__name=roles.CHANGE_AGENTS)
    held = TaggedCompetence.objects.filter(content_object__user__in=agents).values("tag")
    return Competence.objects.filter(pk__in=held).order_by(Lower("name"), "pk")


def search_change_agents(query="", department=None, competence=None):
    """The change agents matching a free-text query (every word must match) and the chosen filters."""
    User = get_user_model()
    agents = User.objects.filter(is_active=True, groups__name=roles.CHANGE_AGENTS)
    for word in query.split():
        matches = Q()
        for variant in case_variants(word):
            for field in SEARCHED_FIELDS:
                matches |= Q(**{f"{field}__icontains": variant})
        agents = agents.filter(matches)
    if department is not None:
        agents = agents.filter(profile__department=department)
    if competence is not None:
        agents = agents.filter(profile__competencies=competence)
    # Filtering through many-valued relations may repeat a person; ids first keeps the outer query simple.
    matching = User.objects.filter(pk__in=agents.values("pk"))
    return people_with_profiles(matching).order_by("first_name", "last_name", "username")


class ChangeAgentDirectoryPage(BasePage):
    """/forandringsagenter/: the trained change agents, searchable by name, department and competence.

    A page in the tree (not a bare view) so editors can write its introduction and it shows in
    menus and search like the other sections.
    """

    template = "people/change_agent_directory_page.html"
    per_page = 24

    # One directory, directly under the front page; nothing below it.
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("forandringsagent-oversigt")
        verbose_name_plural = _("forandringsagent-oversigter")

    def get_context(self, request, *args, **kwargs):
        """The search and its results, drawn once per address and kept until a page or a person changes.

        Nothing in them depends on the reader (a GET form, no CSRF token), so every reader of the same
        address and language shares them (core/versions.py).
        """
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):  # a draft's introduction, never kept
            body = self.directory_context(request)
            context["directory_html"] = render_to_string(
                "people/change_agent_directory_body.html", body, request=request
            )
            return context
        query = sorted((key, value) for key, values in request.GET.lists() for value in values)
        context["directory_html"] = versions.cached(
            ("change-agent-directory", self.pk, get_language(), urlencode(query)),
            [PAGES, PEOPLE_VERSION],
            lambda: render_to_string(
                "people/change_agent_directory_body.html", self.directory_context(request), request=request
            ),
        )
        return context

    def directory_context(self, request):
        form = DirectorySearchForm(
            request.GET or None,
            departments=Department.objects.all(),
            competences=directory_competences(),
        )
        filters = form.cleaned_data if form.is_valid() else {}
        agents = search_change_agents(
            filters.get("q", ""), department=filters.get("afdeling"), competence=filters.get("kompetence")
        )
        page_obj = paginate(request, agents, self.per_page)
        return {
            "page": self,
            "form": form,
            "page_obj": page_obj,
            "agents": page_obj.object_list,
            "searched": bool(filters),
        }
