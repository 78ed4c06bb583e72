"""Start and drive the test OpenID Connect provider as a separate process on a loopback port."""

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

REPO = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ProviderServer:
    """django-oidc-provider in its own Django project, SQLite file and process (``runserver``)."""

    def __init__(self):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.issuer = f"{self.url}/openid"
        self.workdir = Path(tempfile.mkdtemp(prefix="oidc-provider-"))
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.oidc_provider.settings",
            "OIDC_TEST_PROVIDER_URL": self.url,
            "OIDC_TEST_PROVIDER_DB": str(self.workdir / "provider.sqlite3"),
            "PYTHONPATH": str(REPO),
        }
        self.process = None

    def manage(self, *args):
        subprocess.run(
            [sys.executable, "-m", "django", *args],
            cwd=REPO,
            env=self.env,
            check=True,
            capture_output=True,
            timeout=120,
        )

    def start(self):
        self.manage("migrate", "--no-input")
        self.log = open(self.workdir / "server.log", "wb")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "django", "runserver", f"127.0.0.1:{self.port}", "--noreload"],
            cwd=REPO,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the test provider stopped: {(self.workdir / 'server.log').read_text()}")
            try:
                with urlopen(f"{self.issuer}/.well-known/openid-configuration", timeout=2):  # noqa: S310 (loopback)
                    return self
            except (URLError, OSError):
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("the test provider did not answer within 60 s")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if getattr(self, "log", None):
            self.log.close()

    def register_client(self, client_id, client_secret, redirect_uris, post_logout_uris=()):
        args = [f"--redirect-uri={uri}" for uri in redirect_uris] + [
            f"--post-logout-uri={uri}" for uri in post_logout_uris
        ]
        self.manage("provider_client", client_id, client_secret, *args)

    def add_user(self, username, password, email, first_name="", last_name="", groups=()):
        args = [f"--password={password}", f"--email={email}", f"--first-name={first_name}", f"--last-name={last_name}"]
        self.manage("provider_user", username, *args, *[f"--group={group}" for group in groups])
