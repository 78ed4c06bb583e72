"""Searching the demo content in a browser: results by type, highlighted context, axe-core on each state."""

import pytest
from django.core.management import call_command

from .conftest import assert_accessible, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(home_page, role_groups):
    call_command("seed_demo", password="demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_search_by_type_with_highlights_is_accessible(page, demo):
    login(page, "medarbejder", "demo")
    page.goto("/soeg/")
    assert_accessible(page)

    main = page.locator("main")
    main.get_by_label("Søgeord").fill("medborgerskab")
    main.get_by_role("button", name="Søg").click()
    page.wait_for_url("**/soeg/?q=medborgerskab")
    assert main.get_by_role("heading", name="Projekter", level=2).is_visible()
    assert main.get_by_role("link", name="Aktivt medborgerskab").first.is_visible()
    assert main.locator(".search-result-excerpt mark").first.inner_text().lower().startswith("medborgerskab")
    assert_accessible(page)

    filters = main.get_by_role("navigation", name="Vis resultater af typen")
    filters.get_by_role("link", name="Projekter").click()
    page.wait_for_url("**type=projekter")
    assert filters.get_by_role("link", name="Projekter").get_attribute("aria-current") == "page"
    assert main.get_by_role("heading", level=2).all_inner_texts() == ["Projekter"]
    assert_accessible(page)


def test_outcomes_awaiting_review_are_not_found_and_odd_queries_answer(page, demo):
    login(page, "medarbejder", "demo")
    # "Borgerbudget i lokalsamfundet" awaits its lead's review; its words and its idea are nowhere.
    for query in ("landsbyer", "borgerbudget", "landsbyens"):
        page.goto(f"/soeg/?q={query}")
        assert page.locator("main").get_by_role("status").inner_text().startswith("0 resultater"), query

    page.goto("/soeg/?q=%3F%21%2A")
    assert page.locator("main").get_by_role("status").inner_text() == "Skriv mindst ét ord med bogstaver eller tal."
    assert_accessible(page)
