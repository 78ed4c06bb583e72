# ruff: noqa: F811  (pytest fixtures imported from test_dashboard)
"""Things are where people look: the report in the menu and on the dashboard, a change agent's workshops."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from people import roles
from tests.factories import WorkshopOutcomePageFactory

from .test_dashboard import dashboard, people, section, tree  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("username", "sees_report"),
    [("medarbejder", False), ("projektleder", True), ("kommunikation", True), ("moderator", True)],
)
def test_the_report_is_linked_from_menu_and_dashboard_for_those_who_may_see_it(
    client,
    tree,
    people,
    username,
    sees_report,
):
    user = people[username]
    data, html = dashboard(client, user)
    may_see = client.get("/rapport/").status_code == 200
    assert may_see == (data["report_url"] is not None)
    assert ('href="/rapport/"' in html) == may_see
    assert html.count('href="/rapport/"') == (3 if may_see else 0)  # menu, mobile menu, dashboard
    if username != "projektleder":  # a lead's report right follows the group the lead sync gives
        assert may_see == sees_report


def test_a_change_agent_sees_the_workshops_she_facilitated(client, tree, people, make_user):
    agent = make_user("agent", roles.EMPLOYEES, roles.CHANGE_AGENTS, first_name="Frida", last_name="Agerskov")
    mine = WorkshopOutcomePageFactory(parent=tree["ours"], title="Borgerdialog i Bording")
    mine.facilitators.set([agent])
    mine.save_revision().publish()
    WorkshopOutcomePageFactory(parent=tree["ours"], title="En andens workshop")
    data, html = dashboard(client, agent)
    block = section(html, "facilitated-heading")
    assert "Borgerdialog i Bording" in block
    assert "En andens workshop" not in block

    client.force_login(agent)
    client.get("/")  # a repeated visit is measured: the first after a change fills the cached blocks
    with CaptureQueriesContext(connection) as small:
        client.get("/")
    for n in range(8):
        extra = WorkshopOutcomePageFactory(parent=tree["ours"], title=f"Workshop {n}")
        extra.facilitators.set([agent])
        extra.save_revision().publish()
    client.get("/")
    with CaptureQueriesContext(connection) as large:
        client.get("/")
    assert len(small.captured_queries) == len(large.captured_queries)
    assert dashboard(client, agent)[0]["facilitated"].has_more

    # Employees who are no change agent get no such block.
    assert "facilitated-heading" not in dashboard(client, people["medarbejder"])[1]


def test_the_report_is_in_the_admin_menu_for_those_who_may_see_it(client, people):
    client.force_login(people["kommunikation"])
    # Wagtail draws its sidebar from JSON in the page.
    assert '"/rapport/"' in client.get("/admin/").content.decode()
    client.force_login(people["medarbejder"])
    assert '"/rapport/"' not in client.get("/admin/").content.decode()
