"""Test runs: fast hashing, in-memory mail, plain static storage (no collectstatic needed)."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, SECRET_KEY

SECRET_KEY = SECRET_KEY or "test-only-insecure-key-not-for-production-use-0123456789"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Django's test runner sends mail to the in-memory outbox directly; tests of the queue set
# EMAIL_BACKEND back to core.mail.QueuedEmailBackend. Jobs run at once, inside the request.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The benchmark and load-test commands (development only; production settings leave them out).
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="intranet-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://intranet.test"
# Static files come straight from the finders (no collectstatic needed outside production).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# A file-backed SQLite test database behaves like PostgreSQL for the browser tests: the live
# server thread opens its own connection instead of sharing the test thread's in-memory one.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(Path(tempfile.gettempdir()) / f"intranet-test-{os.getpid()}.sqlite3")}  # noqa: F405
# One process: both caches in memory (tests/conftest.py empties them before each test).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
    "shared": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shared"},
}
