"""The change-agent directory, profile pages and /min-profil/ in a browser, checked by axe-core."""

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


def test_directory_search_and_profile_are_accessible(page, demo):
    login(page, "medarbejder", "demo")
    page.goto("/forandringsagenter/")
    assert "20 forandringsagenter fundet" in page.content()
    assert_accessible(page)

    page.get_by_label("Søg efter navn, afdeling eller kompetence").fill("velfærdsteknologi")
    page.locator("#id_afdeling").select_option(label="Ældreområdet")
    page.get_by_role("button", name="Søg", exact=True).last.click()
    page.wait_for_url("**/forandringsagenter/?*")
    main = page.locator("main")
    assert main.get_by_role("link", name="Lone Thorsager").is_visible()
    assert main.get_by_role("link", name="Frida Agerskov").count() == 0
    assert_accessible(page)

    main.get_by_role("link", name="Lone Thorsager").click()
    page.wait_for_url("**/personer/lthorsager/")
    assert page.get_by_role("heading", level=1).inner_text() == "Lone Thorsager"
    assert_accessible(page)


def test_profile_shows_projects_and_the_owner_edits_it(page, demo):
    login(page, "projektleder", "demo")
    page.goto("/personer/projektleder/")
    assert page.get_by_role("link", name="Aktivt medborgerskab").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Redigér min profil").click()
    page.wait_for_url("**/min-profil/")
    assert_accessible(page)
    page.get_by_label("Telefon").fill("ikke et nummer")
    page.get_by_role("button", name="Gem profil").click()
    assert page.locator("#id_phone_error1").is_visible()
    assert_accessible(page)  # the error summary and the error next to the field

    page.get_by_label("Telefon").fill("+45 9960 4242")
    page.get_by_role("button", name="Gem profil").click()
    page.wait_for_url("**/personer/projektleder/")
    assert page.get_by_text("Din profil er gemt.").is_visible()
    assert page.get_by_role("link", name="+45 9960 4242").is_visible()
