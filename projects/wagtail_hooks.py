from django.db.models import Q
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ProjectPage, Theme


class ThemeViewSet(SnippetViewSet):
    """The strategy's themes, kept in the admin under "Temaer"."""

    model = Theme
    icon = "tag"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "slug"]


register_snippet(ThemeViewSet)


@hooks.register("people_profile_sections")
def projects_on_profile(request, person):
    """The projects a person leads or works on, shown on their profile page (people/ never imports us)."""
    projects = (
        ProjectPage.objects.live()
        .filter(Q(lead=person) | Q(team_members__user=person))
        .distinct()
        .select_related("theme")
        .order_by("title")
    )
    return {"template": "projects/profile_projects_section.html", "context": {"person": person, "projects": projects}}
