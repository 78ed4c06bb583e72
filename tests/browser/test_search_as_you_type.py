"""Search as you type in the header: a WAI-ARIA combobox driven by keyboard, checked with axe-core."""

import pytest
from django.core.management import call_command

from .conftest import assert_accessible, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(home_page, role_groups):
    call_command("seed_demo", password="demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_header_search_suggests_top_hits_per_type_by_keyboard(page, demo):
    login(page, "medarbejder", "demo")
    page.goto("/nyheder/")
    field = page.get_by_role("combobox", name="Søg på intranettet")
    assert field.get_attribute("aria-expanded") == "false"

    field.press_sequentially("forandringsag", delay=30)
    listbox = page.get_by_role("listbox", name="Forslag")
    listbox.wait_for()
    assert field.get_attribute("aria-expanded") == "true"
    assert listbox.get_by_role("group").count() >= 2  # hits of more than one type
    options = listbox.get_by_role("option")
    assert options.count() >= 3
    assert options.last.inner_text().startswith("Vis alle resultater for")
    assert (
        page.locator(".header-search [role=status]").inner_text().endswith("forslag. Brug pil op og ned for at vælge.")
    )
    assert_accessible(page)

    field.press("ArrowDown")
    first = options.first
    assert first.get_attribute("aria-selected") == "true"
    assert field.get_attribute("aria-activedescendant") == first.get_attribute("id")
    title = first.locator(".search-suggestion-title").inner_text()
    field.press("Enter")
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == title

    # Escape closes the list; Enter without a chosen hit submits the plain search form.
    field = page.get_by_role("combobox", name="Søg på intranettet")
    field.fill("")
    field.press_sequentially("medborg", delay=30)
    page.get_by_role("listbox", name="Forslag").wait_for()
    field.press("Escape")
    assert field.get_attribute("aria-expanded") == "false"
    field.press("Enter")
    page.wait_for_url("**/soeg/?q=medborg")
    assert page.locator("main").get_by_role("status").inner_text().endswith('for "medborg"')


def test_header_search_is_a_plain_form_without_javascript(browser, live_server, demo):
    context = browser.new_context(base_url=live_server.url, locale="da-DK", java_script_enabled=False)
    page = context.new_page()
    try:
        login(page, "medarbejder", "demo")
        field = page.get_by_role("searchbox", name="Søg på intranettet")
        assert field.get_attribute("role") is None
        field.fill("forandringsagenter")
        field.press("Enter")
        page.wait_for_url("**/soeg/?q=forandringsagenter")
        assert page.locator("main").get_by_role("status").inner_text().endswith('resultater for "forandringsagenter"')
        assert_accessible_without_js = page.locator("main h1").inner_text() == "Søg på intranettet"
        assert assert_accessible_without_js
    finally:
        context.close()
