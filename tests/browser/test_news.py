"""Kommunikation publishes an article in the real Wagtail admin; an employee reads it and comments."""

import re

import pytest
from playwright.sync_api import expect

from news.models import NewsArticlePage, NewsCategory
from people import demo as people_demo
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory

from .conftest import assert_accessible, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def news_index(home_page, role_groups):
    people_demo.seed("demo", lambda message: None)
    return NewsIndexPageFactory(parent=home_page)


def logout(page):
    page.goto("/")
    page.locator(".portal-user").get_by_role("button", name="Log af").click()
    page.wait_for_url("**/login/")


def test_kommunikation_publishes_and_medarbejder_reads_and_comments(page, live_server, news_index):
    category = NewsCategory.objects.get(slug="sundhed")
    NewsArticlePageFactory(parent=news_index, title="En ældre nyhed", categories=[category])

    # Kommunikation writes and publishes the article in the Wagtail admin.
    login(page, "kommunikation", "demo")
    page.goto(f"/admin/pages/{news_index.pk}/")
    page.get_by_role("link", name="Tilføj underside").first.click()
    page.wait_for_url(f"**/admin/pages/add/news/newsarticlepage/{news_index.pk}/")
    page.locator("#id_title").fill("Sundhedsplejen afprøver idéer fra workshoppen")
    page.locator("#id_introduction").fill("Tre idéer fra den første workshop skal afprøves i foråret.")
    page.locator("#id_signature").fill("kkj")
    page.locator("#panel-child-indhold-body-content, [data-contentpath='body']").first.locator(
        "button.c-sf-add-button"
    ).first.click()
    page.get_by_role("option", name="Tekst").first.click()
    editor = page.locator("[data-contentpath='body'] [role='textbox'][contenteditable='true']").first
    editor.wait_for()
    editor.click()
    editor.press_sequentially("Idéerne handler om hjemmebesøg og om mere tid til samtale.", delay=10)
    assert "mere tid til samtale" in editor.inner_text()
    # Draftail writes to its hidden input shortly after typing; publish only once it has.
    expect(page.locator("input[name='body-0-value']")).to_have_value(re.compile("samtale"))
    page.get_by_label("Sundhed", exact=True).check()
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_url(f"**/admin/pages/{news_index.pk}/")
    article = NewsArticlePage.objects.get(title="Sundhedsplejen afprøver idéer fra workshoppen")
    assert article.live
    logout(page)

    # An employee finds it on the index, reads it and comments.
    login(page, "medarbejder", "demo")
    page.goto("/nyheder/")
    assert_accessible(page)
    page.get_by_role("link", name="Sundhedsplejen afprøver idéer fra workshoppen").click()
    page.wait_for_url(f"**{article.url}")
    assert "Idéerne handler om hjemmebesøg" in page.content()
    page.get_by_label("Din kommentar").fill("Spændende!\n<script>window.hacked = true</script>")
    page.get_by_role("button", name="Send kommentar").click()
    page.wait_for_load_state()
    assert "Din kommentar er offentliggjort." in page.content()
    thread = page.locator("#kommentarer")
    assert "<script>window.hacked = true</script>" in thread.inner_text()
    assert page.evaluate("window.hacked === undefined")
    assert article.intranet_comments.count() == 1
    assert_accessible(page)


def test_comment_errors_are_shown_next_to_the_field(page, news_index):
    category = NewsCategory.objects.get(slug="it")
    article = NewsArticlePageFactory(parent=news_index, title="Ny printer", categories=[category])
    login(page, "medarbejder", "demo")
    page.goto(article.url)
    page.locator("#comment-body").evaluate("element => element.removeAttribute('required')")
    page.get_by_role("button", name="Send kommentar").click()
    page.wait_for_load_state()
    assert "Skriv en kommentar, før du sender den." in page.locator(".form-error").inner_text()
    assert_accessible(page)
