"""Production settings for the tests that go through real gunicorn (tests/gunicorn.py).

Everything production does, with one difference: static files come from the finders instead of
the compressed manifest (which needs ``collectstatic`` first). Middleware, headers, the login wall
and django-axes are production's own.
"""

from intranet.settings.production import *  # noqa: F403
from intranet.settings.production import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
