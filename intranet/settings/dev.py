"""Local development: debug on (unless ``DEBUG=0``, as ``make run`` sets), mails to the console, a fixed key."""

from .base import *  # noqa: F403
from .base import DEVELOPMENT_DEBUG, INSTALLED_APPS, SECRET_KEY

DEBUG = DEVELOPMENT_DEBUG
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-not-for-production-use-0123456789"
# The benchmark and load-test commands (development only; production settings leave them out).
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
# The worker prints the mails it delivers.
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Static files come straight from the finders (no collectstatic needed outside production).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
