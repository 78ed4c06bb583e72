"""Production: behind HTTPS, served by gunicorn, static files by whitenoise."""

from .base import *  # noqa: F403
from .base import BEHIND_HTTPS, SECRET_KEY, require_secret_key

SECRET_KEY = require_secret_key(SECRET_KEY)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = BEHIND_HTTPS
# /healthz/ is probed by the load balancer over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = BEHIND_HTTPS
CSRF_COOKIE_SECURE = BEHIND_HTTPS
SESSION_COOKIE_HTTPONLY = True
# Wagtail's live preview shows the page in an iframe of the admin (same origin), so framing
# must be allowed from our own origin; Django's deploy check would ask for DENY.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

DEMO_CONTENT_ALLOWED = False
