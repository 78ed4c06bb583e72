"""What Wagtail's scripts draw in the admin is Danish too: sidebar, side panels, comments, dialogs.

The server-side walk (tests/intranet/test_admin_danish.py) reads the HTML; this reads what the
browser shows once the scripts have run, with the same English detector.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import TaskState

from news.models import NewsArticlePage
from workshops.models import WorkshopOutcomePage

from ..intranet.test_admin_danish import english_words
from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The text people read in the page as drawn, with the labels that screen readers announce.
SHOWN_TEXT = """() => {
    const texts = document.body.innerText.split("\\n");
    for (const element of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
        for (const name of ["aria-label", "title", "placeholder", "alt"]) {
            const value = element.getAttribute(name);
            if (value) texts.push(value);
        }
    }
    return texts.map((text) => text.trim()).filter(Boolean);
}"""


@pytest.fixture
def demo(home_page):
    call_command("seed_demo", "--password", "demo", stdout=StringIO())


def english_on(page, where, found):
    for text in page.evaluate(SHOWN_TEXT):
        if english_words(text):
            found.setdefault(text, where)


def test_the_editor_as_drawn_by_the_scripts_is_danish(page, demo):
    found = {}
    login(page, "kommunikation", "demo")
    page.goto("/admin/")
    page.wait_for_selector("[data-wagtail-sidebar] nav, .sidebar")
    english_on(page, "dashboard", found)

    article = NewsArticlePage.objects.live().first()
    page.goto(f"/admin/pages/{article.pk}/edit/")
    page.wait_for_selector("[data-side-panel-toggle]")
    english_on(page, "editor", found)
    for panel in page.locator("[data-side-panel-toggle]").all():
        if panel.is_visible():
            panel.click()
            page.wait_for_timeout(300)
            english_on(page, f"side panel {panel.get_attribute('data-side-panel-toggle')}", found)

    page.goto(f"/admin/pages/add/news/newsarticlepage/{article.get_parent().pk}/")
    page.wait_for_selector("[data-side-panel-toggle]")
    page.keyboard.press("Escape")
    english_on(page, "new article", found)

    assert not found, "English in the admin as drawn:\n" + "\n".join(f"{w}: {t!r}" for t, w in found.items())


def test_a_lead_reviews_in_danish_without_doubled_wording(page, demo):
    pending = TaskState.objects.get(status=TaskState.STATUS_IN_PROGRESS, task__name="Projektleders godkendelse")
    outcome = WorkshopOutcomePage.objects.get(pk=pending.workflow_state.object_id)
    login(page, "projektleder", "demo")
    page.goto(f"/admin/pages/{outcome.pk}/edit/")
    page.get_by_role("button", name="Flere handlinger").last.click()
    page.wait_for_timeout(300)
    actions = page.locator("footer").first.inner_text()
    assert "Godkend og udgiv" in actions
    assert "og udgiv og" not in actions and "Publicér" not in actions
    found = {}
    english_on(page, "review", found)
    assert not found, found
