"""Notifications and reactions as a person clicks through them, checked with axe-core."""

import re

import pytest

from comments import services as comment_services
from notifications import services as notification_services
from notifications.models import Notification
from reactions.models import Reaction

from ..factories import PASSWORD, NewsArticlePageFactory, NewsIndexPageFactory, UserFactory
from .conftest import assert_accessible, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def scene(home_page, role_groups):
    author = UserFactory(username="skribent", first_name="Sofie", last_name="Skriver")
    reader = UserFactory(username="laeser", first_name="Lars", last_name="Læser")
    article = NewsArticlePageFactory(parent=NewsIndexPageFactory(parent=home_page), title="Nyt om workshops")
    comment_services.post_comment(page=article, author=author, body="Hvad siger du, @laeser?")
    notification_services.notify(reader, "comment_reply", actor=author, title=article.title, url=article.url)
    return {"author": author, "reader": reader, "article": article}


def test_notifications_are_read_and_marked_read_by_keyboard(page, scene):
    login(page, "laeser", PASSWORD)
    link = page.locator(".portal-user").get_by_role("link", name="Notifikationer, 2 ulæste")
    assert link.is_visible()
    link.click()
    page.wait_for_url("**/notifikationer/")
    assert page.get_by_role("heading", level=1).inner_text() == "Notifikationer"
    assert page.get_by_role(
        "link", name="Sofie Skriver har nævnt dig i en kommentar til “Nyt om workshops”"
    ).is_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Markér som læst").first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert Notification.objects.filter(recipient=scene["reader"], read_at__isnull=True).count() == 1
    with page.expect_navigation():
        page.get_by_role("button", name="Markér alle som læst").click()
    assert page.locator(".portal-user").get_by_role("link", name="Notifikationer, 0 ulæste").is_visible()

    page.goto("/notifikationer/indstillinger/")
    assert_accessible(page)
    page.get_by_role("group", name="Når nogen nævner mig med @brugernavn").get_by_label(
        "Send også som e-mail"
    ).uncheck()
    with page.expect_navigation():
        page.get_by_role("button", name="Gem valg").click()
    assert notification_services.preferences_of(scene["reader"])["mention"] == (True, False)


def test_liking_with_and_without_javascript(browser, live_server, page, scene):
    login(page, "laeser", PASSWORD)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(scene["article"].url)
    # The mention links to the profile.
    assert page.get_by_role("link", name="@laeser").get_attribute("href") == "/personer/laeser/"
    article_button = page.get_by_role("button", name=re.compile(r"^Synes godt om\W+Nyt om workshops$"))
    article_button.click()
    undo = page.get_by_role("button", name=re.compile(r"^Synes ikke længere godt om\W+Nyt om workshops$"))
    undo.wait_for()
    assert page.evaluate("document.activeElement.textContent").strip().startswith("Synes ikke længere godt om")
    assert page.locator("#reaction-status").inner_text().startswith("1 synes godt om")
    assert Reaction.objects.filter(user=scene["reader"]).count() == 1
    assert "#reaktion-" not in page.url  # no reload: the script swapped the button in place
    assert errors == []
    assert_accessible(page)

    # Who reacted, on demand.
    with page.expect_navigation():
        page.get_by_role("link", name="1 synes godt om – se hvem").first.click()
    assert page.get_by_role("link", name="Lars Læser").is_visible()
    assert_accessible(page)

    # Without JavaScript the same button is a plain form that comes back to it.
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="da-DK")
    plain = context.new_page()
    login(plain, "skribent", PASSWORD)
    plain.goto(scene["article"].url)
    with plain.expect_navigation():
        plain.get_by_role("button", name=re.compile(r"^Synes godt om\W+Nyt om workshops$")).click()
    assert "#reaktion-" in plain.url
    assert plain.get_by_text("2 synes godt om").first.is_visible()
    context.close()
    assert Reaction.objects.count() == 2
