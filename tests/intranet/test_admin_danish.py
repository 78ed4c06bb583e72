"""The Wagtail admin speaks Danish to the people who work in it every day (issue 11, item 1).

Logs in as Kommunikation, a project lead and a moderator on the demo content, walks the admin
screens they use (dashboard, sidebar, page explorer, editor with its side panels, workflow
actions, history, images, documents, reports, snippet listings (comments and ideas among them), choosers) and
fails on any visible text, or title/aria-label/placeholder/alt attribute, that is still English.

"English" is decided from data, not guessed: a word is English when it occurs in Wagtail's own
English message catalogues and in no Danish text (our catalogues, Django's, and the
project's Danish source strings). Wagtail's JavaScript catalogue is checked message by message.
"""

import contextlib
import json
import re
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import django
import polib
import pytest
import wagtail
import wagtail_factories
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, TaskState

pytestmark = pytest.mark.django_db

SITE_PACKAGES = Path(wagtail.__file__).parent.parent
CATALOGUE_DIR = Path(settings.BASE_DIR) / "locale" / "wagtail" / "da" / "LC_MESSAGES"

# Names and terms that are the same in Danish, and content that is not interface text.
ALLOWED_WORDS = {
    "wagtail",  # the product's name
    "javascript",
    "routablepage",
    "sitemaps",
    "embedly",
    "xlsx",
    "ascii",
    "snake",  # ascii_snake_case
}

# Attributes whose values people read (or hear, through a screen reader).
READ_ATTRIBUTES = {
    "title",
    "aria-label",
    "aria-description",
    "aria-roledescription",
    "placeholder",
    "alt",
    "data-w-tooltip-content-value",
}
# Keys of the JSON props (sidebar, wagtailConfig, comments) that hold text shown to people.
READ_JSON_KEYS = {
    "label",
    "title",
    "text",
    "help_text",
    "helpText",
    "placeholder",
    "SINGULAR",
    "PLURAL",
    "ALL",
    "ALL_IN_LISTING",
    "MONTHS",
    "WEEKDAYS",
    "WEEKDAYS_SHORT",
}
WORD = re.compile(r"[A-Za-zÆØÅæøåÉéÜü]+")
PLACEHOLDER = re.compile(r"%\([^)]*\)[sd]|%[sd]|\{[^}]*\}|<[^>]+>|&[a-z]+;")


def _po_texts(path, field):
    """The msgid (with msgid_plural) or msgstr texts of a gettext catalogue."""
    texts = []
    for entry in polib.pofile(str(path)):
        if entry.obsolete:
            continue
        if field == "msgid":
            texts += [entry.msgid, entry.msgid_plural]
        else:
            texts += [entry.msgstr, *entry.msgstr_plural.values()]
    return [text for text in texts if text]


def _words(text):
    return {word.lower() for word in WORD.findall(PLACEHOLDER.sub(" ", text))}


def _is_wagtail_copy(path):
    return path.startswith(("templates/wagtailadmin/shared/", "templates/wagtailadmin/home.html"))


def _english_vocabulary():
    english = set()
    for path in SITE_PACKAGES.glob("wagtail*/**/locale/en/LC_MESSAGES/*.po"):
        for text in _po_texts(path, "msgid"):
            english |= _words(text)
    danish = set()
    danish_catalogues = [
        *CATALOGUE_DIR.glob("*.po"),  # includes (and corrects) Wagtail's own Danish messages
        *Path(django.__file__).parent.glob("**/locale/da/LC_MESSAGES/django.po"),
    ]
    for path in danish_catalogues:
        for text in _po_texts(path, "msgstr"):
            danish |= _words(text)
    # The project's own strings are written in Danish: its English catalogue's msgids. Not the
    # English ones of Wagtail's templates copied to templates/wagtailadmin/shared and home.html.
    for entry in polib.pofile(str(Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po")):
        if entry.obsolete or all(_is_wagtail_copy(path) for path, _line in entry.occurrences):
            continue
        danish |= _words(entry.msgid) | _words(entry.msgid_plural)
    return english - danish - ALLOWED_WORDS


ENGLISH = _english_vocabulary()


def english_words(text):
    """The English words in a text shown to people; identifiers, paths and addresses are skipped."""
    found = set()
    for token in text.split():
        if re.search(r"[/@_.:=]\w|\d", token) or token.startswith(("#", "http")):
            continue  # a path, e-mail address, file name, time zone, number or identifier: not prose
        found |= {word for word in _words(token) if len(word) > 1} & ENGLISH  # (one letter: a cut-off word)
    return found


class _TextCollector(HTMLParser):
    """Visible text and the attributes people read, plus the text inside JSON props."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts = []
        self._skip = 0
        self._json = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"script", "style"}:
            self._skip += 1
            self._json = tag == "script" and attrs.get("type") == "application/json"
        for name in READ_ATTRIBUTES:
            if attrs.get(name):
                self.texts.append(attrs[name])
        if tag == "input" and attrs.get("type") in {"submit", "button"} and attrs.get("value"):
            self.texts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in {"script", "style"} and self._skip:
            self._skip -= 1
            self._json = False

    def handle_data(self, data):
        if self._skip and self._json:
            with contextlib.suppress(ValueError):
                self._collect_json(json.loads(data))
        elif not self._skip and data.strip():
            self.texts.append(data.strip())

    def _collect_json(self, value, key=None):
        if isinstance(value, dict):
            for child_key, child in value.items():
                self._collect_json(child, child_key)
        elif isinstance(value, list):
            for child in value:
                self._collect_json(child, key)
        elif isinstance(value, str) and value.lstrip().startswith("<"):
            self.texts += visible_texts(value)  # a widget's HTML, rendered by the scripts (telepath)
        elif isinstance(value, str) and key in READ_JSON_KEYS and not re.fullmatch(r"[a-z0-9-]+", value):
            self.texts.append(value)  # (a lowercase slug is an identifier, not text)


def visible_texts(html):
    collector = _TextCollector()
    collector.feed(html)
    return collector.texts


def sidebar_urls(html):
    """The admin URLs in the sidebar's menu (the React sidebar reads them from JSON props)."""
    match = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S)
    return sorted(set(re.findall(r'"url": "(/admin/[^"]*)"', match.group(1)))) if match else []


@pytest.fixture
def demo(client):
    """The demo content, plus an image and a document in the shared library (the demo has none)."""
    call_command("seed_demo", "--password", "demo", stdout=StringIO())
    users = get_user_model().objects
    root = Collection.get_first_root_node()
    author = users.get(username="kommunikation")
    wagtail_factories.ImageFactory(title="Rådhuset", collection=root, uploaded_by_user=author)
    wagtail_factories.DocumentFactory(title="Referat", collection=root, uploaded_by_user=author)
    return users


def _screens_for(user):
    """The admin screens a role uses, built from the demo content."""
    from news.models import NewsArticlePage, NewsIndexPage
    from projects.models import ProjectPage
    from workshops.models import WorkshopOutcomePage

    article = NewsArticlePage.objects.live().first()
    news_index = NewsIndexPage.objects.first()
    project = ProjectPage.objects.filter(lead=user).first() or ProjectPage.objects.first()
    pending = TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).first()
    outcome = (
        WorkshopOutcomePage.objects.get(pk=pending.workflow_state.object_id)
        if pending
        else WorkshopOutcomePage.objects.first()
    )
    home = Page.objects.get(depth=2)
    image = get_image_model().objects.get(title="Rådhuset")
    document = get_document_model().objects.get(title="Referat")
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_explore", args=[home.pk]),
        reverse("wagtailadmin_explore", args=[news_index.pk]),
        reverse("wagtailadmin_explore", args=[project.get_parent().pk]),
        reverse("wagtailadmin_explore", args=[project.pk]),
        reverse("wagtailadmin_pages:search") + "?q=innovation",
        reverse("wagtailadmin_pages:add_subpage", args=[news_index.pk]),
        reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", news_index.pk]),
        reverse("wagtailadmin_account"),
        reverse("wagtailadmin_choose_page"),
        reverse("wagtailimages:index"),
        reverse("wagtailimages:add_multiple"),
        reverse("wagtailimages_chooser:choose"),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:add_multiple"),
        reverse("wagtaildocs_chooser:choose"),
        reverse("wagtailadmin_reports:locked_pages"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:aging_pages"),
        reverse("wagtailsnippets:index"),
    ]
    for page in (article, project, outcome):
        urls += [
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            reverse("wagtailadmin_pages:history", args=[page.pk]),
            reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
            reverse("wagtailadmin_pages:usage", args=[page.pk]),
            reverse("wagtailadmin_pages:unpublish", args=[page.pk]),
            reverse("wagtailadmin_pages:delete", args=[page.pk]),
            reverse("wagtailadmin_pages:move", args=[page.pk]),
            reverse("wagtailadmin_pages:copy", args=[page.pk]),
        ]
        revision = page.latest_revision
        if revision:
            urls.append(reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]))
            urls.append(reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "live", revision.pk]))
    for model, obj in (
        ("wagtailcore/page", article),
        ("wagtailimages/image", image),
        ("wagtaildocs/document", document),
    ):
        for action in ("delete", "move", "publish", "unpublish", "add_tags", "add_to_collection"):
            urls.append(f"/admin/bulk/{model}/{action}/?id={obj.pk}")
    urls += [
        reverse("wagtailimages:edit", args=[image.pk]),
        reverse("wagtailimages:delete", args=[image.pk]),
        reverse("wagtailimages:image_usage", args=[image.pk]),
        reverse("wagtaildocs:edit", args=[document.pk]),
        reverse("wagtaildocs:delete", args=[document.pk]),
    ]
    if pending:
        for action in ("approve", "reject"):
            urls.append(reverse("wagtailadmin_pages:workflow_action", args=[outcome.pk, action, pending.pk]))
        urls.append(reverse("wagtailadmin_pages:workflow_preview", args=[outcome.pk, pending.task_id]))
    return urls


MAX_SCREENS = 250
# Links not to follow: they leave the admin's screens, change state on GET, or only download.
SKIP_LINKS = re.compile(r"/logout/|/jsi18n/|/preview/|/view_draft/|export=|/documents/\d+/|/api/|/sprog/")


def _shape(url):
    """What kind of screen a URL is: its path with the numbers taken out."""
    return re.sub(r"\d+", "N", url.split("?")[0])


def _admin_links(response):
    if "html" not in response.get("Content-Type", ""):
        return []
    links = re.findall(r'href="(/admin/[^"#]*)"', response.content.decode())
    return [link.replace("&amp;", "&") for link in links if not SKIP_LINKS.search(link)]


def _texts_of(response):
    content_type = response.get("Content-Type", "")
    body = response.content.decode()
    if "json" in content_type:
        data = json.loads(body)
        return visible_texts(data.get("html", "")) if isinstance(data, dict) else []
    if "html" in content_type:
        return visible_texts(body)
    return []


@pytest.mark.parametrize("username", ["kommunikation", "projektleder", "moderator"])
def test_every_admin_screen_of_the_role_is_danish(client, demo, username):
    user = demo.get(username=username)
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "da"
    start = client.get(reverse("wagtailadmin_home"))
    assert start.status_code == 200
    queue = list(dict.fromkeys(_screens_for(user) + sidebar_urls(start.content.decode())))
    seen_shapes = {_shape(url) for url in queue}
    english, visited = {}, 0
    while queue and visited < MAX_SCREENS:
        url = queue.pop(0)
        response = client.get(url, HTTP_X_REQUESTED_WITH="XMLHttpRequest" if "choose" in url else "")
        if response.status_code != 200:
            continue  # the role may not open this screen: nothing shown, nothing to translate
        visited += 1
        for text in _texts_of(response):
            words = english_words(text)
            if words:
                english.setdefault(text, (url, sorted(words)))
        # Further: every kind of admin screen linked from here (one of each shape).
        for link in _admin_links(response):
            if _shape(link) not in seen_shapes:
                seen_shapes.add(_shape(link))
                queue.append(link)
    print(f"{username}: {visited} admin screens")
    assert visited >= 15, f"only {visited} admin screens opened for {username}"
    report = "\n".join(f"{url}: {text!r} {words}" for text, (url, words) in sorted(english.items()))
    assert not english, f"English text on the admin screens of {username}:\n{report}"


def test_the_detector_finds_english_and_accepts_danish():
    assert english_words("Awaiting your review") == {"awaiting", "your", "review"}
    assert english_words("Images") == {"images"}
    assert not english_words("Afventer din godkendelse")
    assert not english_words("Kommunikation, kommunikation@ikast-brande.dk, Europe/Copenhagen, Wagtail")


def test_the_javascript_catalogue_translates_every_wagtail_message(client, demo):
    """Wagtail's scripts read their texts from `/admin/jsi18n/` (Django's JavaScriptCatalog, djangojs domain)."""
    client.force_login(demo.get(username="kommunikation"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "da"
    body = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", body, re.S).group(1))
    source = SITE_PACKAGES / "wagtail" / "admin" / "locale" / "en" / "LC_MESSAGES" / "djangojs.po"
    untranslated = [entry.msgid for entry in polib.pofile(str(source)) if entry.msgid not in catalog]
    assert not untranslated, f"Untranslated in the JavaScript catalogue: {untranslated}"
    assert catalog["Changes have been autosaved."] == "Ændringerne er gemt automatisk."


def test_compiled_catalogues_match_their_sources():
    """The .mo files are committed (as locale/en's is): they must carry exactly what the .po files say."""

    def entries(catalogue):
        return {
            (entry.msgctxt, entry.msgid, entry.msgstr, tuple(sorted(entry.msgstr_plural.items())))
            for entry in catalogue.translated_entries()
        }

    for po in CATALOGUE_DIR.glob("*.po"):
        assert entries(polib.pofile(str(po))) == entries(polib.mofile(str(po.with_suffix(".mo")))), (
            f"{po.name} and its .mo differ: run `make messages`"
        )
