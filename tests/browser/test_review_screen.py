# ruff: noqa: F811  (pytest fixtures imported from tests/workshops/conftest.py)
"""Each role's main task on the new screens, clicked through in Chromium and checked with axe-core.

The lead reviews on the reviewer's screen (request changes, then approve the second round), the
submitter reads the comment at the top of her form and follows her pending outcome read-only, the
moderator dismisses a report from the queue, and Kommunikation sees a Danish address as she types.
"""

import pytest

from comments.models import Comment, CommentReport
from workshops.models import WorkshopOutcomePage

from ..factories import PASSWORD, NewsArticlePageFactory, NewsIndexPageFactory
from ..workshops.conftest import form_data, people, project, projects, submit  # noqa: F401  (fixtures)
from .conftest import assert_accessible, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def logout(page):
    page.context.clear_cookies()


def test_lead_reviews_on_the_reviewers_screen_and_the_submitter_follows(page, submit, people):
    outcome = submit(ideas=[("Frivillighedsbørs", "En børs for frivillige.")])

    # The submitter can read her pending outcome, not change it.
    login(page, "medarbejder", PASSWORD)
    page.goto("/mine-indsendelser/")
    page.get_by_role("link", name=outcome.draft_title).click()
    page.wait_for_url(f"**/mine-indsendelser/{outcome.pk}/")
    assert page.get_by_role("button", name="Godkend").count() == 0
    assert "Frivillighedsbørs" in page.content()
    assert_accessible(page)
    logout(page)

    # The lead opens it from the queue and asks for changes; the comment is required.
    login(page, "projektleder", PASSWORD)
    page.goto("/moderering/")
    page.get_by_role("link", name=f"Gennemse “{outcome.draft_title}”").click()
    page.wait_for_url(f"**/moderering/workshopresultater/{outcome.pk}/")
    assert page.get_by_role("button", name="Godkend", exact=True).is_visible()
    assert page.get_by_role("button", name="Anmod om ændringer").is_visible()
    assert "Frida Agerskov" in page.content()
    assert_accessible(page)
    page.get_by_role("button", name="Anmod om ændringer").click()
    page.wait_for_load_state()
    assert "Skriv, hvad der skal ændres." in page.content()
    assert_accessible(page)
    page.get_by_label("Kommentar til indsenderen").fill("Beskriv metoden mere præcist.")
    page.get_by_role("button", name="Anmod om ændringer").click()
    page.wait_for_url("**/moderering/")
    assert "bedt om ændringer" in page.content()
    logout(page)

    # The submitter sees the comment above her form and sends it again.
    login(page, "medarbejder", PASSWORD)
    page.goto(f"/mine-indsendelser/{outcome.pk}/rediger/")
    alert = page.locator(".review-comment")
    assert "Beskriv metoden mere præcist." in alert.inner_text()
    assert alert.bounding_box()["y"] < page.get_by_label("Metode og øvelser").bounding_box()["y"]
    assert_accessible(page)
    page.get_by_label("Metode og øvelser").fill("Brainwriting og gallerivandring i tre runder.")
    page.get_by_role("button", name="Send til godkendelse").click()
    page.wait_for_url("**/mine-indsendelser/")
    logout(page)

    # Second round: the lead sees what changed and the earlier comment, and approves.
    login(page, "projektleder", PASSWORD)
    page.goto(f"/moderering/workshopresultater/{outcome.pk}/")
    changes = page.locator(".review-changes")
    assert "gallerivandring" in changes.inner_text()
    assert "Beskriv metoden mere præcist." in page.locator(".review-rounds").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Godkend", exact=True).click()
    page.wait_for_url("**/moderering/")
    assert "er godkendt og udgivet" in page.content()
    assert WorkshopOutcomePage.objects.get(pk=outcome.pk).live


def test_moderator_reads_the_reason_and_dismisses_from_the_queue(page, people, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    article = NewsArticlePageFactory(parent=index, title="Kantinen får ny menu")
    comment = Comment.objects.create(page=article, author=people["medarbejder"], body="Maden er elendig!")
    CommentReport.objects.create(comment=comment, reporter=people["forandringsagent"], reason="Uvenlig tone")

    login(page, "moderator", PASSWORD)
    page.goto("/moderering/")
    item = page.locator(f"#anmeldt-{comment.pk}")
    assert "Uvenlig tone" in item.inner_text()
    assert "Frida Agerskov" in item.inner_text()
    assert_accessible(page)
    item.get_by_role("button", name="Afvis anmeldelser").click()
    page.wait_for_url("**/moderering/")
    assert "Anmeldelserne er afvist" in page.content()
    assert not CommentReport.objects.filter(resolved_at__isnull=True).exists()


def test_kommunikation_sees_a_danish_address_as_she_types(page, people, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    login(page, "kommunikation", PASSWORD)
    page.goto(f"/admin/pages/add/news/newsarticlepage/{index.pk}/")
    page.locator("#id_title").press_sequentially("Julefrokost og nytårskur på rådhuset", delay=5)
    from playwright.sync_api import expect

    expect(page.locator("#id_slug")).to_have_value("julefrokost-og-nytaarskur-paa-raadhuset")


def test_facilitators_can_be_found_by_typing_and_are_all_there_without_javascript(
    browser,
    live_server,
    page,
    project,
    people,
    make_user,
):
    from people import roles

    make_user("agent2", roles.EMPLOYEES, roles.CHANGE_AGENTS, first_name="Bent", last_name="Holm")
    login(page, "medarbejder", PASSWORD)
    page.goto(project.url + "indsend/")
    search = page.get_by_label("Find en forandringsagent (navn eller afdeling)")
    assert search.is_visible()
    search.fill("frida")
    assert page.get_by_label("Frida Agerskov").is_visible()
    assert not page.get_by_label("Bent Holm").is_visible()
    assert "Viser 1 af 2" in page.content()
    assert_accessible(page)

    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="da-DK")
    plain = context.new_page()
    login(plain, "medarbejder", PASSWORD)
    plain.goto(project.url + "indsend/")
    assert not plain.get_by_label("Find en forandringsagent (navn eller afdeling)").is_visible()
    assert plain.get_by_label("Bent Holm").is_visible() and plain.get_by_label("Frida Agerskov").is_visible()
    context.close()
