"""The admin's person chooser: searchable by name and department, instead of a drop-down of every account."""

import pytest
from django.urls import reverse

from people import roles
from people.models import Department, Profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(make_user):
    social = Department.objects.create(name="Socialområdet")
    it = Department.objects.create(name="IT-afdelingen")
    people = {
        "anne": make_user("anne", first_name="Anne", last_name="Sørensen"),
        "bo": make_user("bo", first_name="Bo", last_name="Jensen"),
        "carl": make_user("carl", first_name="Carl", last_name="Sørensen"),
    }
    for user, department in ((people["anne"], social), (people["bo"], it), (people["carl"], it)):
        Profile.objects.update_or_create(user=user, defaults={"department": department})
    return people


def chooser_html(client, **params):
    response = client.get(reverse("person_chooser:choose_results"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_search_by_name_and_department_shows_both(client, make_user, staff):
    client.force_login(make_user("kommunikation", roles.COMMUNICATIONS))
    html = chooser_html(client, q="sørensen")
    assert "Anne Sørensen" in html and "Carl Sørensen" in html and "Bo Jensen" not in html
    assert "Socialområdet" in html
    html = chooser_html(client, q="IT-afdelingen")
    assert "Bo Jensen" in html and "Carl Sørensen" in html and "Anne Sørensen" not in html
    html = chooser_html(client, q="carl it")
    assert "Carl Sørensen" in html and "Bo Jensen" not in html


def test_choosing_returns_name_and_department(client, make_user, staff):
    client.force_login(make_user("kommunikation", roles.COMMUNICATIONS))
    response = client.get(reverse("person_chooser:chosen", args=[staff["anne"].pk]))
    assert response.json()["result"]["title"] == "Anne Sørensen (Socialområdet)"


def test_news_author_uses_the_chooser_not_a_select_of_everyone(client, make_user, staff, home_page):
    from tests.factories import NewsIndexPageFactory

    index = NewsIndexPageFactory(parent=home_page)
    client.force_login(make_user("kommunikation", roles.COMMUNICATIONS))
    html = client.get(reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", index.pk))).content.decode()
    assert "Vælg en person" in html
    assert reverse("person_chooser:choose") in html
    assert '<select name="author"' not in html


def test_employees_without_admin_access_cannot_browse_people(client, make_user, staff):
    client.force_login(make_user("nobody"))
    response = client.get(reverse("person_chooser:choose_results"), {"q": "a"})
    assert response.status_code in (302, 403)
