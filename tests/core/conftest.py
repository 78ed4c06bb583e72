import os
import signal
import socket
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django_tasks_db.management.commands import db_worker


@pytest.fixture
def queue(settings):
    """The production set-up: mail queued in the database, delivered only by the worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def run_worker_once(monkeypatch):
    """Run every job that is due, as ``run_worker`` does, then return.

    Inside the test's transaction the worker must keep its connection (it closes "old" ones).
    """
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    return _run_worker_once


def _run_worker_once():
    db_worker.Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


def free_port():
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url():
    """The test database as a ``DATABASE_URL``, for processes the tests start."""
    from django.db import connection

    params = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{params['NAME']}"
    user = params["USER"] or ""
    password = f":{params['PASSWORD']}" if params["PASSWORD"] else ""
    return f"postgres://{user}{password}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}/{params['NAME']}"


@pytest.fixture
def start_process():
    """Start ``manage.py`` commands against the test database; stopped (SIGINT, then killed) at the end."""
    started = []

    def start(*args, **env):
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "intranet.settings.dev",
            "DATABASE_URL": database_url(),
            "PYTHONUNBUFFERED": "1",
            **{key: str(value) for key, value in env.items()},
        }
        process = subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=settings.BASE_DIR,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_for(condition, timeout=30, step=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False
