from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.privacy import visible
from core.search import SEARCH_SOURCE_HOOK, SearchSource, result, stream_text
from notifications.kinds import Followable

from .models import ProjectPage, Theme


@hooks.register("register_followables")
def projects_can_be_followed():
    return [Followable(ProjectPage, _("projekt"), is_available=lambda page: page.live)]


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
        visible(ProjectPage.objects.live(), request)
        .filter(Q(lead=person) | Q(team_members__user=person))
        .distinct()
        .select_related("theme")
        .order_by("title")
    )
    return {"template": "projects/profile_projects_section.html", "context": {"person": person, "projects": projects}}


@hooks.register("before_delete_page")
def only_index_editors_delete_projects(request, page):
    """Edit and publish rights let Wagtail delete a leaf page; a lead keeps the project but may not remove it.

    Deleting a project is for those who may edit the project index (administrators).
    """
    if page.specific_class is ProjectPage and not page.get_parent().permissions_for_user(request.user).can_edit():
        return permission_denied(request)
    return None


@hooks.register(SEARCH_SOURCE_HOOK)
def project_search_source():
    """Theme projects on /soeg/, with their theme and status."""

    def queryset(visibility):
        return visibility.pages(ProjectPage).select_related("theme")

    def to_result(page, request):
        return result(
            page.title,
            page.get_url(request),
            [page.theme.name if page.theme else "", page.get_status_display()],
            [page.introduction, page.purpose, *stream_text(page.body)],
        )

    return SearchSource(
        "projekter",
        _("Projekter"),
        ProjectPage,
        queryset,
        to_result,
        date_field="last_published_at",
        invalidated_by=(Theme,),
        order=20,
    )
