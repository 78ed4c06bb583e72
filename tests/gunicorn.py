"""Real gunicorn under production settings, for faults that live in the HTTP stack.

The Django test client builds its own WSGI environ; headers such as ``SCRIPT_NAME`` or
``X-Forwarded-For`` only show what they do when gunicorn turns a raw request into the environ.
The server reads the test database, so tests that use it need ``transactional_db`` (data
committed, visible to another process).
"""

import http.client
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[1]


def database_url(settings_dict):
    engine = settings_dict["ENGINE"]
    if engine.endswith("sqlite3"):
        return f"sqlite:///{settings_dict['NAME']}"
    user = settings_dict.get("USER") or "postgres"
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or "5432"
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    url: str
    process: subprocess.Popen

    def session(self):
        return requests.Session()

    def get(self, path, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 20)
        return requests.get(self.url + path, **kwargs)  # noqa: S113

    def raw_get(self, path, cookies=None):
        """GET ``path`` exactly as written (``requests`` would resolve ``..`` and ``.`` first)."""
        host, port = self.url.removeprefix("http://").split(":")
        connection = http.client.HTTPConnection(host, int(port), timeout=20)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in (cookies or {}).items())} if cookies else {}
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response.status, body

    def login(self, session, username, password, headers=None):
        """POST the login form as a browser does (CSRF cookie and token, Referer for HTTPS-less CSRF)."""
        headers = {"Referer": self.url + "/login/", **(headers or {})}
        session.get(self.url + "/login/", headers=headers, timeout=20)
        return session.post(
            self.url + "/login/",
            data={"username": username, "password": password, "csrfmiddlewaretoken": session.cookies["csrftoken"]},
            headers=headers,
            allow_redirects=False,
            timeout=20,
        )


def start(**env):
    from django.conf import settings
    from django.db import connection

    port = free_port()
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "tests.gunicorn_settings",
            "DATABASE_URL": database_url(connection.settings_dict),
            "SECRET_KEY": "gunicorn-test-only-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "BEHIND_HTTPS": "false",
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            **env,
        }
    )
    command = [
        sys.executable, "-m", "gunicorn", "intranet.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", "1", "--log-level", "warning",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env=environment)
    server = Server(url=f"http://127.0.0.1:{port}", process=process)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn stopped during start-up")
        try:
            if requests.get(server.url + "/healthz/", timeout=2).status_code == 200:
                return server
        except requests.RequestException:
            pass
        time.sleep(0.2)
    process.terminate()
    raise RuntimeError("gunicorn did not answer /healthz/ within 60 s")


def stop(server):
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture
def gunicorn(transactional_db):
    """``gunicorn(**env)``: start gunicorn (production settings) on the test database.

    The test's data must be committed for the server to see it, hence ``transactional_db``; a
    server lives for one test only, because the flush between transactional tests re-creates
    content types under new ids that a longer-lived server would still have cached.
    """
    servers = []

    def run(**env):
        servers.append(start(**env))
        return servers[-1]

    yield run
    for server in servers:
        stop(server)
