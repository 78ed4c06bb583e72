"""Layouts that hold: no sideways scrolling on a 390 px phone, cards wide enough on a 1280 px desktop, print;
the menus DKFDS's script drives (the phone's drawer, the desktop's "Mere" overflow menu)."""

import pytest
from django.core.management import call_command

from workshops.models import WorkshopOutcomePage

from .conftest import axe_violations, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "demo"


@pytest.fixture
def demo(home_page):
    call_command("seed_demo", "--password", PASSWORD, stdout=open("/dev/null", "w"))  # noqa: SIM115


def pages_to_check():
    from events.models import EventPage
    from news.models import NewsArticlePage
    from projects.models import ProjectPage

    article = NewsArticlePage.objects.live().order_by("-date").first()
    event = EventPage.objects.live().order_by("start").first()
    project = ProjectPage.objects.live().first()
    outcome = WorkshopOutcomePage.objects.live().first()
    urls = [
        "/",
        "/nyheder/",
        article.url,
        "/projekter/",
        project.url,
        project.url + "indsend/",
        outcome.url,
        "/forandringsagenter/",
        "/personer/forandringsagent/",
        "/min-profil/",
        "/mine-indsendelser/",
        "/moderering/",
        "/rapport/",
        "/soeg/?q=idé",
    ]
    # The calendar (list and month), an event and the notifications: also checked with axe-core at this width.
    axe_urls = ["/kalender/", "/kalender/?visning=maaned", event.url, "/notifikationer/"]
    pending = WorkshopOutcomePage.objects.filter(live=False).first()
    if pending is not None:
        urls.append(f"/moderering/workshopresultater/{pending.pk}/")
    return urls + axe_urls, axe_urls


OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
        .filter(el => el.getBoundingClientRect().right > width + 1 && el.offsetParent !== null)
        .map(el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''))
        .slice(0, 5);
    return {scroll: document.documentElement.scrollWidth, width, wide};
}"""


def test_no_page_scrolls_sideways_on_a_phone(browser, live_server, demo):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844}, locale="da-DK")
    page = context.new_page()
    login(page, "admin", PASSWORD)
    too_wide, violations = {}, {}
    urls, axe_urls = pages_to_check()
    for url in urls:
        page.goto(url)
        result = page.evaluate(OVERFLOW)
        if result["scroll"] > 390:
            too_wide[url] = result
        if url in axe_urls and (found := axe_violations(page)):
            violations[url] = found
    # A title of one long word wraps, in the heading and in the breadcrumbs, which show chevrons between steps.
    from news.models import NewsIndexPage

    from ..factories import NewsArticlePageFactory

    long_word = NewsArticlePageFactory(
        parent=NewsIndexPage.objects.get(), title="Donaudampfschifffahrtsgesellschaftskapitænsuniformsknapper"
    )
    page.goto(long_word.url)
    assert page.evaluate(OVERFLOW)["scroll"] <= 390, page.evaluate(OVERFLOW)
    assert page.locator(".breadcrumbs .icon-svg").count() == 2  # Forside › Nyheder › the article
    # The report's chart scrolls in its own box, and the phone says so above it.
    page.goto("/rapport/")
    assert page.get_by_text("rul vandret for at se det hele").is_visible()
    context.close()
    assert too_wide == {}
    assert violations == {}


# A card is cut when any visible element in it is wider than the card or clips its own text
# (screen-reader-only text, 1 px wide by design, does not count).
CARDS = """(selector) => [...document.querySelectorAll(selector)].map(card => {
    const box = card.getBoundingClientRect();
    const cut = [...card.querySelectorAll('*')].filter(el => {
        const r = el.getBoundingClientRect();
        if (r.width <= 1) return false;
        return r.right > box.right + 1 || r.left < box.left - 1 || el.scrollWidth > el.clientWidth + 1;
    }).map(el => el.tagName.toLowerCase() + '.' + el.className);
    return {width: box.width, cut};
})"""


@pytest.mark.parametrize(
    ("url", "selector"), [("/projekter/", ".card-list > li"), ("/forandringsagenter/", ".card-list > li")]
)
def test_cards_are_wide_enough_on_a_desktop(browser, live_server, demo, url, selector):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900}, locale="da-DK")
    page = context.new_page()
    login(page, "medarbejder", PASSWORD)
    page.goto(url)
    cards = page.evaluate(CARDS, selector)
    context.close()
    assert cards, "no cards found"
    assert min(card["width"] for card in cards) >= 240, cards
    assert [card["cut"] for card in cards if card["cut"]] == []


def test_print_shows_the_article_without_menus_forms_and_language_picker(browser, live_server, demo):
    from news.models import NewsArticlePage

    context = browser.new_context(base_url=live_server.url, locale="da-DK")
    page = context.new_page()
    login(page, "medarbejder", PASSWORD)
    page.goto(NewsArticlePage.objects.live().first().url)
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.navigation-menu', '.portal-info', 'footer', '.language-form', 'form', '.breadcrumbs', '.skipnav']
            .flatMap(sel => [...document.querySelectorAll(sel)])
            .filter(el => el.offsetParent !== null && getComputedStyle(el).display !== 'none')
            .map(el => el.tagName + '.' + el.className)"""
    )
    assert page.locator("h1").is_visible()
    context.close()
    assert hidden == []


def test_the_phone_menu_opens_as_a_dialog_and_closes_with_escape(browser, live_server, demo):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844}, locale="da-DK")
    page = context.new_page()
    login(page, "medarbejder", PASSWORD)
    drawer = page.get_by_role("dialog", name="Menu")
    assert not drawer.is_visible()

    page.get_by_role("button", name="Menu").click()
    drawer.wait_for(state="visible")
    assert page.evaluate("document.activeElement.classList.contains('js-menu-close')")
    assert drawer.get_by_role("navigation", name="Hovedmenu på mobil").get_by_role("link", name="Nyheder").is_visible()
    assert axe_violations(page) == []

    page.keyboard.press("Escape")
    drawer.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.classList.contains('js-menu-open')")

    page.get_by_role("button", name="Menu").click()
    drawer.get_by_role("link", name="Nyheder").click()
    page.wait_for_url("**/nyheder/")
    assert not drawer.is_visible()
    context.close()


def test_menu_items_that_do_not_fit_move_to_the_more_menu(browser, live_server, demo):
    """DKFDS moves the main menu's last items into "Mere" when the desktop menu is too narrow for them all."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1000, "height": 800}, locale="da-DK")
    page = context.new_page()
    login(page, "moderator", PASSWORD)
    menu = page.get_by_role("navigation", name="Hovedmenu")
    more = menu.get_by_role("button", name="Mere")
    more.wait_for()
    hidden = menu.locator(".mainmenu > li.d-none > a").all_inner_texts()
    assert hidden, "every item fits: widen the menu or narrow the window so that the test means something"
    assert more.get_attribute("aria-expanded") == "false"
    more.click()
    assert more.get_attribute("aria-expanded") == "true"
    for label in hidden:
        assert menu.locator("#fds-more-menu").get_by_role("link", name=label.strip()).is_visible()
    context.close()
