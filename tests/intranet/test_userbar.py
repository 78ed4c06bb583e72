"""Wagtail's user bar on the front end: kept per editor and page, and never stale.

It is drawn for people who may use the admin, and its items follow their rights on the page: a
right given or taken away on the page shows at the next visit, and a kept bar costs no query.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import GroupPagePermission

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

USERBAR = "wagtail-userbar-template"


@pytest.fixture
def editors(home_page):
    group = Group.objects.create(name="Redaktører af Om-siden")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    return group


def edit_link(page):
    return f"/admin/pages/{page.pk}/edit/"


def test_the_bar_follows_a_right_on_the_page_given_and_taken_away(client, home_page, editors, make_user):
    page = StandardPageFactory(parent=home_page, title="Om Mental Frikommune", slug="om")
    editor = make_user("redaktoer")
    editor.groups.add(editors)
    client.force_login(editor)

    html = client.get(page.url).content.decode()
    assert USERBAR in html and edit_link(page) not in html

    right = GroupPagePermission.objects.create(
        group=editors, page=page, permission=Permission.objects.get(codename="change_page")
    )
    assert edit_link(page) in client.get(page.url).content.decode()

    right.delete()
    assert edit_link(page) not in client.get(page.url).content.decode()


def test_a_kept_bar_costs_no_query_and_is_not_shown_to_employees(client, home_page, editors, make_user, employee):
    page = StandardPageFactory(parent=home_page, title="Om Mental Frikommune", slug="om")
    editor = make_user("redaktoer")
    editor.groups.add(editors)
    client.force_login(editor)
    client.get(page.url)
    with CaptureQueriesContext(connection) as with_bar:
        assert USERBAR in client.get(page.url).content.decode()

    client.force_login(employee)
    client.get(page.url)
    with CaptureQueriesContext(connection) as without_bar:
        assert USERBAR not in client.get(page.url).content.decode()
    assert len(with_bar.captured_queries) == len(without_bar.captured_queries)
