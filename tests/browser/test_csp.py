"""In a browser: no Content-Security-Policy violation on any front-end page type, nothing from other hosts.

The policy is django-csp's (settings/base.py); Chromium reports each violation as a
``securitypolicyviolation`` event, collected here from before the first script runs.
"""

from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from wagtail.models import Page

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""

APP_PAGES = {
    "medarbejder": [
        "/login/",
        "/mine-indsendelser/",
        "/min-profil/",
        "/personer/forandringsagent/",
        "/soeg/?q=medborgerskab",
        "/projekter/aktivt-medborgerskab/indsend/",
    ],
    "kommunikation": ["/rapport/", "/"],
    "moderator": ["/moderering/"],
}


@pytest.fixture
def demo(home_page, role_groups):
    call_command("seed_demo", password="demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def watched(browser, live_server):
    """A page that keeps the policy (no bypass), recording violations and requests to other hosts."""
    context = browser.new_context(base_url=live_server.url, locale="da-DK")
    context.add_init_script(COLLECT_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(15_000)
    own_host = urlsplit(live_server.url).netloc
    page.outside_requests = []
    page.console_csp = []
    page.on(
        "request",
        lambda request: (
            page.outside_requests.append(request.url)
            if urlsplit(request.url).scheme in ("http", "https", "ws", "wss")
            and urlsplit(request.url).netloc != own_host
            else None
        ),
    )
    page.on(
        "console",
        lambda message: page.console_csp.append(message.text) if "Content Security Policy" in message.text else None,
    )
    yield page
    context.close()


def violations_on(page, url):
    response = page.goto(url)
    page.wait_for_load_state("load")
    assert response is not None and response.status < 400, (url, response and response.status)
    return page.evaluate("window.__cspViolations") + page.console_csp


def one_url_per_page_type():
    urls = {}
    for page in Page.objects.live().specific().filter(depth__gt=1).order_by("depth", "path"):
        if page.url:  # pages outside the site (none expected) have no address
            urls.setdefault(type(page).__name__, page.url)
    return urls


def test_no_csp_violation_on_any_front_end_page_type(watched, demo):
    page_types = one_url_per_page_type()
    assert {"HomePage", "NewsIndexPage", "NewsArticlePage", "ProjectIndexPage", "ProjectPage"} <= set(page_types)
    login(watched, "medarbejder", "demo")
    found = {}
    for name, url in page_types.items():
        found[f"{name} {url}"] = violations_on(watched, url)
    for url in APP_PAGES["medarbejder"]:
        found[url] = violations_on(watched, url)
    for username in ("kommunikation", "moderator"):
        watched.context.clear_cookies()
        login(watched, username, "demo")
        for url in APP_PAGES[username]:
            found[f"{username} {url}"] = violations_on(watched, url)
    assert {url: seen for url, seen in found.items() if seen} == {}
    assert watched.outside_requests == []


def test_the_policy_blocks_an_injected_inline_script(watched, demo):
    """The policy is really on: a script smuggled into the page as markup does not run."""
    login(watched, "medarbejder", "demo")
    watched.goto("/")
    watched.evaluate(
        """() => { const s = document.createElement("script"); s.textContent = "window.__ran = true";
        document.body.appendChild(s); }"""
    )
    assert watched.evaluate("window.__ran === undefined")
    assert any("script-src" in item for item in watched.evaluate("window.__cspViolations"))


def test_kommunikation_in_the_admin_sends_no_request_to_another_host(watched, demo):
    """Gravatar is off (WAGTAIL_GRAVATAR_PROVIDER_URL = None): dashboard, explorer and edit view stay local."""
    from news.models import NewsArticlePage, NewsIndexPage

    news_index = NewsIndexPage.objects.first()
    article = NewsArticlePage.objects.live().first()
    login(watched, "kommunikation", "demo")
    seen = {}
    for url in ("/admin/", f"/admin/pages/{news_index.pk}/", f"/admin/pages/{article.pk}/edit/"):
        seen[url] = violations_on(watched, url)
        assert watched.locator("main, #main").first.is_visible()
    assert watched.outside_requests == []
    assert {url: found for url, found in seen.items() if found} == {}
