"""Every page type and screen of the intranet is valid HTML according to the W3C Nu checker (npm ``vnu-jar``).

One test renders one page of each type from the demo content, plus the screens that are not
pages, and validates them all in a single run of the checker (starting Java costs a second).
"""

import json
import shutil
import subprocess
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


@pytest.mark.skipif(shutil.which("java") is None or not VNU_JAR.exists(), reason="needs java and npm vnu-jar")
def test_every_page_type_is_valid_html(client, tmp_path):
    call_command("seed_demo", "--password", "demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    documents = screens(client)
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
