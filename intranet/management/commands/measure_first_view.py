"""How many bytes a first visit to a page transfers, as production serves it.

Collects the static files with production's storage (whitenoise's compressed manifest) into a
temporary directory, renders the page for a user, and adds up the page and every same-origin static
file it references (stylesheets, scripts, icons, favicon) and every file those stylesheets reference
through url() (fonts, images), each counted once, at the size whitenoise sends: the brotli file for
browsers that take it (every current browser over HTTPS), the gzip file otherwise.
Every @font-face and url() is counted, whether or not the browser would fetch it: an upper bound.
"""

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from posixpath import dirname, normpath
from urllib.parse import urljoin, urlsplit

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.test import Client, override_settings
from django.test import signals as _storage_resets  # noqa: F401  (override_settings then resets the storages)

STATIC_REFERENCE = re.compile(r"""(?:href|src)=["']([^"'#?]+)""")
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+?)["']?\s*\)|@import\s+["']([^"']+)["']""")
PRODUCTION_STATIC = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
# The front end's pages use only our own static files (static/): the admin's are not collected, nor the
# parts of DKFDS's distribution that `make assets` copies but no page loads (scripts/build_assets.py),
# which keeps collecting (and compressing) to seconds.
FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
UNUSED = [
    "dkfds/css/dkfds.*",
    "dkfds/css/dkfds-borgerdk*",
    "dkfds/css/dkfds-virkdk*",
    "dkfds/fonts/IBMPlexSans",
    "dkfds/js/dkfds.*",
    "dkfds/img/all-svg-icons.svg",
]


@dataclass
class FirstView:
    page_bytes: int = 0
    assets: dict = field(default_factory=dict)  # url -> (raw, gzip, brotli) bytes

    @property
    def brotli_total(self):
        return self.page_bytes + sum(sizes[2] for sizes in self.assets.values())

    @property
    def gzip_total(self):
        return self.page_bytes + sum(sizes[1] for sizes in self.assets.values())

    @property
    def raw_total(self):
        return self.page_bytes + sum(sizes[0] for sizes in self.assets.values())


def _sizes(path):
    raw = path.stat().st_size
    gz = path.with_name(path.name + ".gz")
    br = path.with_name(path.name + ".br")
    gzip_size = gz.stat().st_size if gz.exists() else raw  # whitenoise skips already-compressed formats
    brotli_size = br.stat().st_size if br.exists() else gzip_size
    return raw, gzip_size, brotli_size


def measure_first_view(user, path="/"):
    """Measure ``path`` rendered for ``user`` under production's static storage (see the module text)."""
    from django.conf import settings

    static_url = settings.STATIC_URL
    with tempfile.TemporaryDirectory() as static_root:
        storages = {**settings.STORAGES, "staticfiles": PRODUCTION_STATIC}
        with override_settings(
            DEBUG=False,  # the manifest storage hands out hashed names only without DEBUG, as in production
            STATIC_ROOT=static_root,
            STORAGES=storages,
            ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"],
            STATICFILES_FINDERS=FINDERS,
            WHITENOISE_USE_FINDERS=False,
        ):
            call_command("collectstatic", interactive=False, verbosity=0, ignore_patterns=UNUSED)
            client = Client()
            client.force_login(user)
            response = client.get(path, HTTP_ACCEPT_ENCODING="br, gzip")
            if response.status_code != 200:
                raise CommandError(f"{path} answered {response.status_code} for {user}")
            html = response.content.decode()
            result = FirstView(page_bytes=len(response.content))
            pending = [url for url in STATIC_REFERENCE.findall(html) if url.startswith(static_url)]
            while pending:
                url = pending.pop()
                if url in result.assets:
                    continue
                file = Path(static_root) / normpath(url.removeprefix(static_url))
                if not file.is_file():
                    raise CommandError(f"{url} is referenced but not collected")
                result.assets[url] = _sizes(file)
                if file.suffix == ".css":
                    for ref in CSS_URL.findall(file.read_text(encoding="utf-8")):
                        target = urlsplit(ref[0] or ref[1])
                        if target.scheme or target.netloc or not target.path:
                            continue  # data: URIs and other origins are no same-origin transfer
                        pending.append(normpath(urljoin(dirname(url) + "/", target.path)))
    return result


class Command(BaseCommand):
    help = "Bytes a first visit to a page transfers under production's static storage (see the module docstring)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="medarbejder")
        parser.add_argument("--path", default="/")

    def handle(self, *args, username, path, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r} (run seed_demo first)")
        result = measure_first_view(user, path)
        self.stdout.write(f"{'file':70} {'raw':>9} {'gzip':>9} {'brotli':>9}")
        self.stdout.write(f"{path + ' (HTML, uncompressed)':70} {result.page_bytes:>9} {'':>9} {'':>9}")
        for url, (raw, gz, br) in sorted(result.assets.items(), key=lambda item: -item[1][2]):
            self.stdout.write(f"{url[:70]:70} {raw:>9} {gz:>9} {br:>9}")
        self.stdout.write(
            f"{len(result.assets)} files. Total with brotli {result.brotli_total / 1024:.1f} KB, "
            f"with gzip {result.gzip_total / 1024:.1f} KB, uncompressed {result.raw_total / 1024:.1f} KB."
        )
