"""Layouts that hold: no sideways scrolling on a 390 px phone, cards wide enough on a 1280 px desktop, print."""

import pytest
from django.core.management import call_command

from workshops.models import WorkshopOutcomePage

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "demo"


@pytest.fixture
def demo(home_page):
    call_command("seed_demo", "--password", PASSWORD, stdout=open("/dev/null", "w"))  # noqa: SIM115


def pages_to_check():
    from news.models import NewsArticlePage
    from projects.models import ProjectPage

    article = NewsArticlePage.objects.live().order_by("-date").first()
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
    pending = WorkshopOutcomePage.objects.filter(live=False).first()
    if pending is not None:
        urls.append(f"/moderering/workshopresultater/{pending.pk}/")
    return urls


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
    too_wide = {}
    for url in pages_to_check():
        page.goto(url)
        result = page.evaluate(OVERFLOW)
        if result["scroll"] > 390:
            too_wide[url] = result
    context.close()
    assert too_wide == {}


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
