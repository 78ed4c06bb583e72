"""The lead keeps their project in the real Wagtail admin; project pages pass axe-core."""

import pytest

from home import demo as home_demo
from people import demo as people_demo
from projects import demo as projects_demo

from .conftest import assert_accessible, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(home_page, role_groups):
    log = lambda message: None  # noqa: E731
    users = people_demo.seed("demo", log)
    pages = home_demo.seed(log)
    pages["directory"] = people_demo.seed_directory(pages["home"], log)
    pages.update(projects_demo.seed(users, pages, log))
    return pages


def test_lead_edits_own_project_in_the_admin_and_sees_it_live(page, demo):
    project = demo["projects"]["aktivt-medborgerskab"]
    login(page, "projektleder", "demo")

    page.goto(f"/admin/pages/{project.pk}/edit/")
    assert page.locator("#id_title").input_value() == "Aktivt medborgerskab"
    assert page.locator('[name="lead"]').count() == 0  # a lead cannot hand the project away
    page.locator("#id_introduction").fill("Borgere og kommune skaber velfærden sammen – nu med 12 idéer.")
    page.locator('footer [data-w-dropdown-target="toggle"]').first.click()
    page.locator('button[name="action-publish"]').click()
    page.wait_for_url("**/admin/pages/*/")
    assert "udgivet" in page.content().lower()

    page.goto(project.url)
    assert page.get_by_text("nu med 12 idéer").is_visible()


def test_lead_is_turned_away_from_another_project(page, demo):
    other = demo["projects"]["sundhed-i-hverdagen"]
    login(page, "projektleder", "demo")
    page.goto(f"/admin/pages/{other.pk}/edit/")
    assert page.url.endswith("/admin/")
    assert page.locator('button[name="action-publish"]').count() == 0


def test_project_index_and_project_page_are_accessible(page, demo):
    login(page, "medarbejder", "demo")
    page.goto("/projekter/")
    assert page.get_by_role("link", name="Aktivt medborgerskab").is_visible()
    assert_accessible(page)

    page.get_by_label("Status").select_option("i-gang")
    page.get_by_role("button", name="Vis projekter").click()
    page.wait_for_url("**/projekter/?status=i-gang*")
    assert page.get_by_role("link", name="Digital selvhjulpenhed").count() == 0
    assert_accessible(page)

    page.get_by_role("link", name="Aktivt medborgerskab").click()
    page.wait_for_url("**/projekter/aktivt-medborgerskab/")
    assert page.get_by_role("link", name="Pernille Lykkegaard").first.is_visible()
    assert_accessible(page)
