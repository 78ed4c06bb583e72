"""Admin screens for the people app: departments, competences and profiles as snippets."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.names import display_name
from core.search import SEARCH_SOURCE_HOOK, SearchSource, result

from .models import Competence, Department, Profile, TaggedCompetence


class DepartmentViewSet(SnippetViewSet):
    model = Department
    icon = "group"
    list_display = ["name"]
    search_fields = ["name"]
    search_backend_name = None


class CompetenceViewSet(SnippetViewSet):
    model = Competence
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    search_backend_name = None


class ProfileViewSet(SnippetViewSet):
    """Admins correct anyone's profile here; employees use /min-profil/ for their own."""

    model = Profile
    icon = "user"
    list_display = ["__str__", "job_title", "department"]
    list_filter = ["department"]
    search_fields = ["user__first_name", "user__last_name", "user__username", "job_title"]
    search_backend_name = None

    def get_queryset(self, request):
        return Profile.objects.select_related("user", "department")


class PeopleViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Medarbejdere")
    menu_icon = "group"
    menu_order = 300
    items = (ProfileViewSet, DepartmentViewSet, CompetenceViewSet)


register_snippet(PeopleViewSetGroup)


@hooks.register(SEARCH_SOURCE_HOOK)
def people_search_source():
    """Active colleagues on /soeg/, found by name, job, department, competences and methods."""

    def queryset(visibility):
        return (
            Profile.objects.filter(user__is_active=True)
            .select_related("user", "department")
            .prefetch_related("competencies")
        )

    def to_result(profile, request):
        user = profile.user
        competences = ", ".join(sorted(competence.name for competence in profile.competencies.all()))
        return result(
            display_name(user),
            reverse("people:profile", args=[user.get_username()]),
            [profile.job_title, profile.department.name if profile.department else ""],
            [competences, profile.methods],
        )

    return SearchSource(
        "personer",
        _("Personer"),
        Profile,
        queryset,
        to_result,
        # A renamed or deactivated account, a renamed department or new competences change what is found.
        invalidated_by=(get_user_model(), Department, Competence, TaggedCompetence),
        order=50,
    )


# --- People who leave (people/departure.py) ---------------------------------------------------
@hooks.register("register_admin_urls")
def register_departure_urls():
    from django.urls import path

    from .admin_views import AnonymiseView, export_view

    return [
        path("medarbejdere/<int:user_id>/persondata/", export_view, name="people_export_person"),
        path("medarbejdere/<int:user_id>/anonymiser/", AnonymiseView.as_view(), name="people_anonymise_person"),
    ]


@hooks.register("register_user_listing_buttons")
def departure_buttons(user, request_user):
    from wagtail.admin.widgets.button import Button

    if not request_user.is_superuser:
        return []
    buttons = [Button(_("Hent persondata (JSON)"), reverse("people_export_person", args=[user.pk]), priority=60)]
    if user.pk != request_user.pk and not user.username.startswith("tidligere-"):
        buttons.append(Button(_("Anonymisér"), reverse("people_anonymise_person", args=[user.pk]), priority=70))
    return buttons


@hooks.register("register_log_actions")
def register_departure_log_actions(actions):
    from .departure import ANONYMISED, EXPORTED

    actions.register_action(EXPORTED, _("Persondata eksporteret"), _("Persondata eksporteret"))
    actions.register_action(ANONYMISED, _("Anonymiseret"), _("Tidligere medarbejder anonymiseret"))


@hooks.register("register_admin_viewset")
def register_person_chooser():
    from .choosers import person_chooser_viewset

    return person_chooser_viewset


@hooks.register("construct_image_chooser_queryset")
def hide_profile_photos_from_the_image_chooser(images, request):
    """Portraits are personal data for the profile only: editors never pick them for news or pages."""
    from .photos import exclude_profile_photos

    return exclude_profile_photos(images)
