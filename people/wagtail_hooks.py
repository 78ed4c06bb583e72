"""Admin screens for the people app: departments, competences and profiles as snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Competence, Department, Profile


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
