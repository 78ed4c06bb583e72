"""A database that stops answering fails fast with the Danish error page; a Redis that goes away costs nothing."""

import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.core.cache import cache

from tests.core.conftest import free_port, wait_for
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory

GUNICORN = Path(sys.executable).with_name("gunicorn")


class SilentDatabase:
    """A TCP server on loopback that accepts every connection and never says a word (a partition)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.held = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                connection, _address = self.sock.accept()
            except OSError:
                return
            self.held.append(connection)

    def close(self):
        self.sock.close()
        for connection in self.held:
            connection.close()


def fetch(url, cookie=None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})  # noqa: S310 (loopback http)
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=40) as response:  # noqa: S310
            status, body = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read().decode()
    return status, body, time.monotonic() - started


def test_a_database_that_never_answers_gives_the_danish_error_page_within_seconds():
    database = SilentDatabase()
    port = free_port()
    process = subprocess.Popen(
        [
            str(GUNICORN),
            "intranet.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--timeout",
            "30",
        ],
        cwd=settings.BASE_DIR,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "intranet.settings.production",
            "SECRET_KEY": "outage-test-only-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "BEHIND_HTTPS": "false",
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": f"postgres://intranet@127.0.0.1:{database.port}/intranet",
            "DB_CONNECT_TIMEOUT": "2",
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert wait_for(lambda: _listening(port), timeout=30), "gunicorn did not start"
        fetch(f"http://127.0.0.1:{port}/healthz/")  # the worker has loaded Django (not timed)
        # A signed-in employee: the session must be read from the database.
        status, body, seconds = fetch(f"http://127.0.0.1:{port}/", cookie="sessionid=" + "k" * 32)
        assert status == 500
        assert "Der opstod en fejl" in body
        assert seconds < 8, (
            f"the request held its worker for {seconds:.1f} s, {len(database.held)} connections: " + _output(process)
        )
        assert database.held, "the test server saw no connection attempt: " + _output(process)

        status, body, seconds = fetch(f"http://127.0.0.1:{port}/healthz/")
        assert (status, body) == (503, "database unavailable")
        assert seconds < 8
    finally:
        if process.poll() is None:
            process.terminate()
            process.communicate(timeout=10)
        database.close()


def _output(process):
    process.terminate()
    return process.communicate(timeout=10)[0][-3000:]


def _listening(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


# --- Redis ---------------------------------------------------------------------------------------
@pytest.fixture
def redis_server(tmp_path, settings):
    """A redis-server of the test's own on a free loopback port, as the site's cache; stop() / start() it."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is needed for this test (Debian package redis-server)")
    port = free_port()

    class Server:
        process = None

        def start(self):
            self.process = subprocess.Popen(
                [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                cwd=tmp_path,
                stdout=subprocess.DEVNULL,
            )
            client = redis.Redis(port=port)
            assert wait_for(lambda: _pong(client), timeout=10), "redis-server did not start"

        def stop(self):
            self.process.terminate()
            self.process.wait(timeout=10)

        def keys(self):
            return redis.Redis(port=port).keys("*")

    server = Server()
    server.start()
    redis_cache = {
        "BACKEND": "core.cache.TolerantRedisCache",
        "LOCATION": f"redis://127.0.0.1:{port}/0",
        "KEY_PREFIX": "intranet",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    # As base.py with REDIS_URL: values and the shared versions and sessions in the one Redis.
    settings.CACHES = {"default": redis_cache, "shared": redis_cache}
    yield server
    if server.process.poll() is None:
        server.stop()


def _pong(client):
    try:
        return client.ping()
    except redis.RedisError:
        return False


@pytest.fixture
def article(home_page, role_groups):
    return NewsArticlePageFactory(parent=NewsIndexPageFactory(parent=home_page), title="En nyhed", slug="en-nyhed")


def browse(client, article, body):
    """What an employee does: the dashboard, search, an article, a comment (rate-limited in the cache)."""
    assert client.get("/").status_code == 200
    assert client.get("/soeg/?q=nyhed").status_code == 200
    assert client.get(article.url).status_code == 200
    response = client.post(article.url, {"comment_action": "post", "body": body})
    assert response.status_code == 302, response.content.decode()[:500]


@pytest.mark.django_db
def test_pages_sessions_and_rate_limits_work_without_redis_and_use_it_again_when_it_returns(
    client, redis_server, article, employee, monkeypatch, settings
):
    monkeypatch.setattr("core.cache.RETRY_SECONDS", 0.2)
    # Sessions kept in the cache as well as the database (the faster choice a site may make) must survive too.
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    client.force_login(employee)
    browse(client, article, "Med cache")
    assert redis_server.keys(), "the cache was not used while Redis ran"

    redis_server.stop()
    started = time.monotonic()
    browse(client, article, "Uden cache")
    assert time.monotonic() - started < 10
    assert client.get("/healthz/").status_code == 200

    redis_server.start()  # empty: a fresh server
    time.sleep(0.3)
    browse(client, article, "Cache igen")
    assert redis_server.keys(), "the cache was not used again after Redis came back"
    assert cache.get("missing", "standard") == "standard"
