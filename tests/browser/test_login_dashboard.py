import pytest

from people import demo as people_demo

from .conftest import assert_accessible, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_users(home_page, role_groups):
    return people_demo.seed("demo", lambda message: None)


def test_employee_logs_in_and_lands_on_the_dashboard(page, live_server, demo_users):
    requested_hosts = set()
    page.on("request", lambda request: requested_hosts.add(request.url.split("/")[2]))

    page.goto("/")
    assert "/login/" in page.url
    assert_accessible(page)

    login(page, "medarbejder", "demo")
    assert page.url == f"{live_server.url}/"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Goddag")
    assert page.locator("html").get_attribute("lang") == "da"
    assert_accessible(page)

    # Fonts, styles and scripts all come from the intranet itself.
    assert requested_hosts == {live_server.url.split("/")[2]}


def test_wrong_password_is_explained_next_to_the_form(page, demo_users):
    login(page, "medarbejder", "forkert")
    assert "Forkert brugernavn eller adgangskode" in page.content()
    assert page.get_by_label("Brugernavn").input_value() == "medarbejder"
    assert_accessible(page)


def test_logout_from_the_user_menu(page, demo_users):
    login(page, "medarbejder", "demo")
    page.locator(".portal-user").get_by_role("button", name="Log af").click()
    page.wait_for_url("**/login/")
    page.goto("/")
    assert "/login/" in page.url


def test_skip_link_moves_focus_to_main(page, demo_users):
    login(page, "medarbejder", "demo")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert "Gå til sidens indhold" in focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
