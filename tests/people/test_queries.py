"""The directory costs the same number of SQL queries for 20 or 300 people."""

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection

from people import roles
from people.models import Profile

from ..factories import DepartmentFactory

pytestmark = pytest.mark.django_db


def add_people(make_user, count, start=0):
    """Change agents with everything a card shows: department, title, competencies and a photo."""
    root_collection = Collection.get_first_root_node()
    departments = [DepartmentFactory(name=f"Afdeling {n}") for n in range(5)]
    for n in range(start, start + count):
        user = make_user(f"agent{n:04d}", roles.CHANGE_AGENTS, first_name=f"Agent{n:04d}", last_name="Hansen")
        photo = wagtail_factories.ImageFactory(
            collection=root_collection, file__width=20, file__height=20, title=f"Foto {n}"
        )
        Profile.objects.filter(user=user).update(
            job_title="Konsulent",
            department=departments[n % 5],
            photo=photo,
            photo_alt_text=f"Portræt af agent {n}",
        )
        Profile.objects.get(user=user).competencies.set(["Procesfacilitering", f"Metode {n % 7}"])


def count_queries(client, url):
    client.get(url)  # the first visit makes the photo renditions; count a normal visit
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.mark.parametrize("url", ["/forandringsagenter/", "/forandringsagenter/?q=hansen+konsulent"])
def test_directory_queries_do_not_grow_with_people(client, make_user, home_page, url):
    from ..factories import ChangeAgentDirectoryPageFactory

    ChangeAgentDirectoryPageFactory(parent=home_page).save_revision().publish()
    client.force_login(make_user("laeser"))

    add_people(make_user, 20)
    few, html = count_queries(client, url)
    assert html.count('class="card person-card"') == 20
    assert 'alt="Portræt af agent 0"' in html

    add_people(make_user, 280, start=20)
    many, html = count_queries(client, url)
    assert html.count('class="card person-card"') == 24  # one page of the 300
    assert many == few


def test_profile_page_queries_do_not_grow_with_competencies(client, make_user):
    client.force_login(make_user("laeser"))
    add_people(make_user, 1)
    few, _html = count_queries(client, "/personer/agent0000/")
    Profile.objects.get(user__username="agent0000").competencies.add(*[f"Kompetence {n}" for n in range(12)])
    many, html = count_queries(client, "/personer/agent0000/")
    assert "Kompetence 11" in html
    assert many == few


# --- Every people page, for every role, within the budget --------------------------------------------
def people_pages(world, role):
    return {
        "directory": ("/forandringsagenter/", 200),
        "directory search": ("/forandringsagenter/?q=jensen+konsulent", 200),
        "directory filter": (
            f"/forandringsagenter/?afdeling={world.departments[1].pk}&kompetence=procesfacilitering",
            200,
        ),
        "a colleague's profile": (f"/personer/{world.people[0].username}/", 200),
        "a lead's profile": ("/personer/projektleder/", 200),
        "own profile": (f"/personer/{role}/", 200),
        "profile form": ("/min-profil/", 200),
    }


def test_people_pages_stay_within_the_budget_for_every_role_at_two_sizes(client, home_page, role_groups):
    from ..page_world import World, counts_for_roles

    world = World(home_page)
    few = counts_for_roles(client, world.grow(2), people_pages)
    many = counts_for_roles(client, world.grow(5), people_pages)
    assert many == few
