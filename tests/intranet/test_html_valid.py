"""Every page type and screen of the intranet is valid HTML according to the W3C Nu checker (npm ``vnu-jar``).

One test renders one page of each type from the demo content, plus the screens that are not
pages, and validates them all in a single run of the checker (starting Java costs a second).
"""

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from events.models import EventPage
from workshops import services
from workshops.models import WorkshopOutcomePage

pytestmark = pytest.mark.django_db

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


NO_BREADCRUMBS = {"login", "/", "/findes-ikke/"}


def page_of_each_type():
    """One live page per page model, whatever apps are installed."""
    seen = {}
    for page in Page.objects.live().filter(depth__gt=1).order_by("path"):
        seen.setdefault(page.content_type_id, page)
    return [page.get_url() for page in seen.values()]


def fetch(client, url):
    response = client.get(url)
    assert response.status_code in (200, 404), (url, response.status_code)
    return response.content.decode()


def screens(client):
    """(name, html) of every page type and every screen, as the role that uses it sees it."""
    User = get_user_model()
    documents = []
    client.logout()
    documents.append(("login", fetch(client, "/login/")))

    client.force_login(User.objects.get(username="admin"))
    admin_urls = [
        *page_of_each_type(),
        "/nyheder/?kategori=it",
        "/soeg/?q=frivillig",
        "/rapport/",
        "/moderering/",
        "/min-profil/",
        "/mine-indsendelser/",
        "/notifikationer/",
        "/notifikationer/indstillinger/",
        "/personer/forandringsagent/",
        "/findes-ikke/",
        "/kalender/?visning=maaned",
        "/kalender/ny/",
        "/nyheder/skift-din-adgangskode-inden-jul/bekraeftelser/",
    ]
    project = WorkshopOutcomePage.objects.live().first().get_parent()
    admin_urls.append(project.get_url() + "indsend/")
    coming = EventPage.objects.live().filter(start__gt=timezone.now()).order_by("start").first()
    admin_urls += [coming.get_url() + "rediger/", coming.get_url() + "aflys/"]
    documents += [(url, fetch(client, url)) for url in admin_urls]

    moderator = User.objects.get(username="moderator")
    client.force_login(moderator)
    for item in services.outcomes_awaiting(moderator)[:1]:
        url = f"/moderering/workshopresultater/{item['page'].pk}/"
        documents.append((url, fetch(client, url)))
        owner = item["page"].owner
        client.force_login(owner)
        documents.append(("own", fetch(client, f"/mine-indsendelser/{item['page'].pk}/")))
        client.force_login(moderator)
    return documents


def refused_forms(client):
    """(name, html) of the front-end forms sent back empty, as their users see the errors."""
    User = get_user_model()
    client.force_login(User.objects.get(username="admin"))
    project = WorkshopOutcomePage.objects.live().first().get_parent()
    coming = EventPage.objects.live().filter(start__gt=timezone.now()).order_by("start").first()
    urls = [project.get_url() + "indsend/", "/kalender/ny/", coming.get_url() + "rediger/", "/min-profil/"]
    documents = []
    for url in urls:
        response = client.post(url, {"title": "", "phone": "ikke et nummer", "token": "x"})
        assert response.status_code in (200, 400) and b"form-error-message" in response.content, url
        documents.append((f"{url} (refused)", response.content.decode()))
    return documents


class _References(HTMLParser):
    """The ids of a document and the ids its attributes point to (``aria-*`` lists, ``for``, ``href="#…"``)."""

    LISTS = ("aria-describedby", "aria-labelledby", "aria-controls", "aria-owns", "for", "list")

    def __init__(self):
        super().__init__()
        self.ids, self.references = set(), []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            elif name in self.LISTS:
                self.references += [(tag, name, ref) for ref in value.split()]


def dangling_references(html):
    parser = _References()
    parser.feed(html)
    return [reference for reference in parser.references if reference[2] not in parser.ids]


def test_every_id_a_screen_points_to_is_there(client):
    """A hint or an error that a field names (``aria-describedby``) is read with it only if it exists."""
    call_command("seed_demo", "--password", "demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    documents = screens(client) + refused_forms(client)
    dangling = {name: found for name, html in documents if (found := dangling_references(html))}
    assert dangling == {}
    # The refused forms name their errors, and the hints of the outcome form are read with its fields.
    outcome_form = dict(documents)[f"{WorkshopOutcomePage.objects.live().first().get_parent().get_url()}indsend/"]
    assert 'aria-describedby="id_workshop_date_helptext"' in outcome_form


@pytest.mark.skipif(shutil.which("java") is None or not VNU_JAR.exists(), reason="needs java and npm vnu-jar")
def test_every_page_type_is_valid_html(client, tmp_path):
    call_command("seed_demo", "--password", "demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    documents = screens(client) + refused_forms(client)
    assert len(documents) >= 15
    # Every page below the front page shows where it sits (DKFDS breadcrumbs).
    without = [name for name, html in documents if name not in NO_BREADCRUMBS and 'class="breadcrumbs' not in html]
    assert without == []
    files = []
    for index, (name, html) in enumerate(documents):
        path = tmp_path / f"{index:02d}.html"
        path.write_text(html, encoding="utf-8")
        files.append((path, name))
    result = subprocess.run(
        [
            shutil.which("java"),
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            *[str(path) for path, _name in files],
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    names = {f"file:{path}": name for path, name in files}
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{names.get(message.get('url'), message.get('url'))}:{message.get('lastLine')}: {message['message']}"
        for message in messages
        if message.get("type") == "error"
    ]
    assert errors == []
