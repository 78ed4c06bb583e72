"""The project index and a project page cost the same SQL queries for 5 or 100 projects and 20 or 300 people."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from people import roles
from people.models import Profile
from projects.models import ProjectStatus, ProjectTeamMember

from ..factories import DepartmentFactory, NewsArticlePageFactory, NewsIndexPageFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm up (renditions, caches); count a normal visit
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.fixture
def world(home_page, project_index, make_project, make_user, client):
    """Grows from 5 projects and 20 people to 100 projects and 300 people; the first project's team is everyone."""
    from wagtail.models import Site

    from home.models import SiteSettings

    # A fresh site makes its settings on the first request, which moves the page tree's version.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    client.force_login(make_user("laeser"))
    themes = [ThemeFactory(name=f"Tema {n}") for n in range(4)]
    departments = [DepartmentFactory(name=f"Afdeling {n}") for n in range(4)]
    news_index = NewsIndexPageFactory(parent=home_page)
    state = {"projects": [], "people": []}

    def grow(projects, people):
        for n in range(len(state["people"]), people):
            user = make_user(f"person{n:04d}", roles.CHANGE_AGENTS, first_name=f"Person{n:04d}", last_name="Jensen")
            Profile.objects.filter(user=user).update(job_title="Konsulent", department=departments[n % 4])
            state["people"].append(user)
        for n in range(len(state["projects"]), projects):
            project = make_project(
                f"Projekt {n:03d}",
                lead=state["people"][n % len(state["people"])],
                theme=themes[n % 4],
                status=list(ProjectStatus)[n % 3],
            )
            state["projects"].append(project)
            NewsArticlePageFactory(parent=news_index, title=f"Nyhed {n}", related_project=state["projects"][0])
        first = state["projects"][0]
        on_team = set(first.team_members.values_list("user_id", flat=True))
        ProjectTeamMember.objects.bulk_create(
            [
                ProjectTeamMember(page=first, user=user, role="Deltager")
                for user in state["people"]
                if user.pk not in on_team
            ]
        )

    state["grow"] = grow
    return state


INDEX_URLS = ["/projekter/", "/projekter/?status=i-gang", "/projekter/?tema=tema-1&status=i-gang"]


def test_project_index_queries_do_not_grow(client, world):
    world["grow"](5, 20)
    few = {url: count_queries(client, url) for url in INDEX_URLS}
    assert all("Projekt 001" in html for _count, html in few.values())
    world["grow"](100, 300)
    many = {url: count_queries(client, url) for url in INDEX_URLS}
    assert {url: count for url, (count, _html) in many.items()} == {url: count for url, (count, _html) in few.items()}


def test_project_page_queries_do_not_grow(client, world):
    world["grow"](5, 20)
    url = world["projects"][0].url
    few, html = count_queries(client, url)
    assert html.count('href="/personer/person') >= 20
    world["grow"](100, 300)
    many, html = count_queries(client, url)
    assert html.count('href="/personer/person') >= 300  # the whole team is listed
    assert many == few


# --- Every page of projects and workshops, for every role, within the budget ------------------------
@pytest.fixture
def site(home_page, role_groups):
    from ..page_world import World

    return World(home_page)


def project_pages(world, role):
    reviewer = role in ("projektleder", "moderator")
    reports = role in ("projektleder", "moderator", "kommunikation")
    return {
        "index": ("/projekter/", 200),
        "filtered index": (f"/projekter/?status={world.projects[1].status}&tema={world.projects[1].theme.slug}", 200),
        "project": (world.project.url, 200),
        "outcome": (world.outcome.url, 200),
        "submission form": (world.project.url + "indsend/", 200),
        "my submissions": ("/mine-indsendelser/", 200),
        "report": ("/rapport/", 200 if reports else 403),
        "review screen": (f"/moderering/workshopresultater/{world.pending.pk}/", 200 if reviewer else 403),
    }


def test_project_and_workshop_pages_stay_within_the_budget_for_every_role_at_two_sizes(client, site):
    from ..page_world import counts_for_roles

    few = counts_for_roles(client, site.grow(2), project_pages)
    many = counts_for_roles(client, site.grow(5), project_pages)
    assert many == few
