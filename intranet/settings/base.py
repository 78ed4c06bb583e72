"""Settings shared by every environment.

Every environment variable the project reads is read here, once, with its default.
`dev.py`, `test.py` and `production.py` only adjust what differs.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .headers import PERMISSIONS_POLICY as PERMISSIONS_POLICY
from .headers import content_security_policies

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def origin_of(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


# --- Environment (the only place environment variables are read) -------------
SECRET_KEY = os.environ.get("SECRET_KEY", "")
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
REDIS_URL = os.environ.get("REDIS_URL", "")
# Unset: search runs in the database (PostgreSQL or SQLite). Set (e.g. https://search.internal:9200):
# Wagtail's Elasticsearch/OpenSearch backend, SEARCH_BACKEND naming which (README, "Scale-out path").
SEARCH_URL = os.environ.get("SEARCH_URL", "")
SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "wagtail.search.backends.elasticsearch8")
# Seconds before giving up on the database: connecting, and one SQL statement (PostgreSQL). A database
# that stops answering then costs a request a few seconds and the Danish error page, not a hung worker.
DB_CONNECT_TIMEOUT = int(os.environ.get("DB_CONNECT_TIMEOUT", "3"))
DB_STATEMENT_TIMEOUT = float(os.environ.get("DB_STATEMENT_TIMEOUT", "10"))
# Without REDIS_URL: the folder of the cache the processes of this host share (versions, sessions).
SHARED_CACHE_DIR = os.environ.get("SHARED_CACHE_DIR", str(BASE_DIR / "var" / "cache"))
# Seconds before a Redis call counts as failed (the page then goes on without the cache).
REDIS_TIMEOUT = float(os.environ.get("REDIS_TIMEOUT", "0.5"))
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "demo")
# The backend that really delivers (the worker uses it); Django's EMAIL_BACKEND only queues (below).
EMAIL_DELIVERY_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "intranet@ikast-brande.dk")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
# Seconds to wait before each new delivery attempt after the mail server failed; then the job fails.
EMAIL_RETRY_DELAYS = [int(s) for s in env_list("EMAIL_RETRY_DELAYS", "60,300,900,3600")]
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(BASE_DIR / "media"))
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(BASE_DIR / "staticfiles"))
# Where `manage.py backup` writes its dated archives (database + media).
BACKUP_DIR = os.environ.get("BACKUP_DIR", str(BASE_DIR / "backups"))
# Reverse proxies in front of gunicorn (load balancer, web server); the client's address is the
# PROXY_COUNT-th entry from the right of X-Forwarded-For. 0: the socket's address, header ignored.
PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))
# How often the worker beats and runs the scheduled chores (publishing, expiry): under a minute.
WORKER_BEAT_SECONDS = float(os.environ.get("WORKER_BEAT_SECONDS", "30"))
# Production only: false when gunicorn is reached over plain HTTP (the benchmark on loopback).
BEHIND_HTTPS = env_bool("BEHIND_HTTPS", True)
# Single sign-on (OpenID Connect: Microsoft Entra ID, AD FS). Off while OIDC_ISSUER is empty.
OIDC_ISSUER = os.environ.get("OIDC_ISSUER", "").strip().rstrip("/")
OIDC_CLIENT_ID = os.environ.get("OIDC_CLIENT_ID", "")
OIDC_CLIENT_SECRET = os.environ.get("OIDC_CLIENT_SECRET", "")
OIDC_GROUPS_CLAIM = os.environ.get("OIDC_GROUPS_CLAIM", "groups")
OIDC_GROUP_MAP_TEXT = os.environ.get("OIDC_GROUP_MAP", "")
OIDC_ONLY = env_bool("OIDC_ONLY")
# Development settings only (production never debugs): Django's debug pages instead of the intranet's own.
DEVELOPMENT_DEBUG = env_bool("DEBUG", True)

DEBUG = False

INSTALLED_APPS = [
    # Project apps: the ones on top (intranet, home) may use the ones below, never the reverse.
    "intranet",
    "home",
    "core",
    "people",
    "projects",
    "workshops",
    "events",
    "news",
    "comments",
    "reactions",
    "notifications",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "dbbackup",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Wagtail's admin uses its naturaltime filter ("for 5 minutter siden"); installed for its Danish catalogue.
    "django.contrib.humanize",
    # Last: its ready() collects the other apps' search sources (their wagtail_hooks).
    "search",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before whitenoise, so static files carry the policies too.
    "intranet.csp.IntranetCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # One line per request (static files, served above, are not logged).
    "intranet.middleware.RequestLogMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "intranet.middleware.CookieLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Answers worked out once per request (the review rule Wagtail asks repeatedly): core/memo.py.
    "core.memo.RequestMemoMiddleware",
    # Wagtail's site for the request, from the cache (core/routing.py).
    "core.routing.SiteMiddleware",
    "intranet.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout into the Danish lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "intranet.urls"

# --- Content-Security-Policy (django-csp) and Permissions-Policy: intranet/settings/headers.py ---------
ADMIN_URL_PREFIX = "/admin/"
CONTENT_SECURITY_POLICY, ADMIN_CONTENT_SECURITY_POLICY = content_security_policies(
    extra_form_actions=[origin_of(OIDC_ISSUER)] if OIDC_ISSUER else []
)

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "notifications.context_processors.unread_notifications",
            ],
        },
    },
]

WSGI_APPLICATION = "intranet.wsgi.application"

DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers write to one SQLite file: take the write lock at the start of a
    # transaction (no lock upgrades that fail at once), wait for it, and let readers read while
    # someone writes (WAL).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["OPTIONS"] = {
        "connect_timeout": DB_CONNECT_TIMEOUT,
        "options": f"-c statement_timeout={int(DB_STATEMENT_TIMEOUT * 1000)}",
        # A peer that vanishes (network partition) is noticed by TCP within the statement timeout.
        "keepalives": 1,
        "keepalives_idle": 5,
        "keepalives_interval": 2,
        "keepalives_count": 2,
        "tcp_user_timeout": int(DB_STATEMENT_TIMEOUT * 1000),
        **DATABASES["default"].get("OPTIONS", {}),
    }
# django-dbbackup (core/backup.py): SQLite is restored through its backup API, safe in WAL mode.
DBBACKUP_CONNECTORS = (
    {"default": {"CONNECTOR": "core.backup.SqliteOnlineConnector"}}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    else {}
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Two caches. "default" keeps values (cached fragments, the shell's menu and permissions, rate
# limits): Redis, or else each process's memory. "shared" is what every process must agree on at
# once: the versions those values are kept under (core/versions.py) and the sessions' cached copies;
# Redis, or else a file cache on this host, which gunicorn's workers and the background worker share
# (several hosts need Redis: README, "Scale-out path").
if REDIS_URL:
    _REDIS = {
        # Django's Redis cache, but a Redis that is gone is a cache miss, not an error page.
        "BACKEND": "core.cache.TolerantRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "intranet",
        "OPTIONS": {"socket_connect_timeout": REDIS_TIMEOUT, "socket_timeout": REDIS_TIMEOUT},
    }
    CACHES = {"default": _REDIS, "shared": _REDIS}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
        "shared": {
            "BACKEND": "core.cache.SharedFileCache",
            "LOCATION": SHARED_CACHE_DIR,
            "OPTIONS": {"MAX_ENTRIES": 50000},
        },
    }
# A session is read from the shared cache and written through to the database, which keeps it when
# the cache loses it (https://docs.djangoproject.com/en/5.2/topics/http/sessions/#using-cached-sessions).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_CACHE_ALIAS = "shared"

# Background work (django-tasks, as Wagtail uses it): jobs wait in the database until the worker
# (`manage.py run_worker`) runs them. Every e-mail goes this way (core/mail.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
# Wagtail's "submitted for moderation" e-mail goes to superusers only; reviewers are told by each
# workflow (workshops: the project's lead and the Moderators), so superusers are left out.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
TASK_RESULTS_KEEP_DAYS = 14
TASK_FAILED_RESULTS_KEEP_DAYS = 60

AUTHENTICATION_BACKENDS = [
    # django-axes first, so a locked-out user or address never reaches the password check.
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, with permissions kept between requests under versions (core/auth.py).
    "core.auth.CachedPermissionsBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"
# Paths an anonymous visitor may reach (besides static files, which whitenoise serves first).
PUBLIC_PATHS = ["/login/", "/healthz/"]
# Path prefixes open to anonymous visitors: only the personal news feed (news/urls.py), whose
# secret address is its own credential. Keep this list minimal; each prefix has a test.
PUBLIC_PATH_PREFIXES = ["/feed/"]

# Throttling of failed logins: five failures lock the pair (user name, address) for 15 minutes, so
# failures for one name never block another name, and failures elsewhere never block her at hers.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.network.client_ip"
# Every failure is logged: the per-name brake (intranet/login_brake.py) counts them across addresses.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# The slower per-name brake: this many failures for one name within the hours below hold back
# attempts for that name from browsers she has never logged in from (hers stay open).
LOGIN_NAME_BRAKE_LIMIT = 30
LOGIN_NAME_BRAKE_HOURS = 1


def parse_group_map(text):
    """``OIDC_GROUP_MAP`` ("claim-value=Groupname,...") as {claim value: [group names]}.

    Claim values are compared without regard to case (Entra ID sends object ids, AD FS names).
    The last "=" separates value from group, so a value may itself contain "=".
    """
    mapping = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        value, separator, group = item.rpartition("=")
        if not separator or not value.strip() or not group.strip():
            raise ImproperlyConfigured(
                f"OIDC_GROUP_MAP: '{item}' skal have formen gruppe-i-claim=Gruppenavn (adskilt med komma)."
            )
        mapping.setdefault(value.strip().casefold(), []).append(group.strip())
    return mapping


# --- Single sign-on: intranet/oidc.py on top of mozilla-django-oidc ---------------------------------
# The provider's endpoints come from its discovery document, fetched on first use (intranet/oidc.py).
OIDC_ENABLED = bool(OIDC_ISSUER)
OIDC_GROUP_MAP = parse_group_map(OIDC_GROUP_MAP_TEXT)
# Only the login start and the provider's return address are open to anonymous visitors.
OIDC_PUBLIC_PATHS = ["/oidc/authenticate/", "/oidc/callback/"]
OIDC_BACKEND = "intranet.oidc.OIDCBackend"
if OIDC_ENABLED:
    if not (OIDC_CLIENT_ID and OIDC_CLIENT_SECRET):
        raise ImproperlyConfigured("OIDC_ISSUER er sat: sæt også OIDC_CLIENT_ID og OIDC_CLIENT_SECRET.")
    # After django-axes, which also throttles single sign-on attempts by address.
    AUTHENTICATION_BACKENDS = [*AUTHENTICATION_BACKENDS, OIDC_BACKEND]
    PUBLIC_PATHS = [*PUBLIC_PATHS, *OIDC_PUBLIC_PATHS]
# mozilla-django-oidc's own settings (https://mozilla-django-oidc.readthedocs.io/en/stable/settings.html).
OIDC_RP_CLIENT_ID = OIDC_CLIENT_ID
OIDC_RP_CLIENT_SECRET = OIDC_CLIENT_SECRET
OIDC_RP_SIGN_ALGO = "RS256"  # what Entra ID and AD FS sign ID tokens with
OIDC_RP_SCOPES = "openid email profile"
OIDC_USE_PKCE = True
OIDC_STORE_ID_TOKEN = True  # sent back as id_token_hint when the session ends at the provider
OIDC_TIMEOUT = 5  # seconds per call to the provider; a login makes up to four, within gunicorn's 30 s

LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Dansk")), ("en", _("Engelsk"))]
# The project's own catalogue first, then the Danish supplement to Wagtail's catalogues
# (locale/wagtail/README.md); both take precedence over the catalogues shipped with the apps.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "wagtail"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# /media/ serves only Wagtail's image renditions (intranet.views.protected_media). Documents go through
# Wagtail's checked view at /dokumenter/, workshop attachments through theirs; originals stay unserved.
SERVED_MEDIA_PREFIXES = ("images/",)
# Uploads larger than this are written to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024


# "borgerinddragelse" and "Borgerinddragelse" are one competence (and one page tag): the first spelling is kept.
TAGGIT_CASE_INSENSITIVE = True

WAGTAIL_SITE_NAME = "Ikast-Brande Intranet"
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = False
# Addresses are plain ASCII; Danish letters are spelled out (core.widgets.DanishSlugInput, core.text).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's database backend, Danish on every database: PostgreSQL's own "danish"
        # configuration, on SQLite the Snowball Danish stemmer (search/backends/).
        "BACKEND": "search.backends",
        "SEARCH_CONFIG": "danish",
    }
}
if SEARCH_URL:
    # Elasticsearch or OpenSearch, with the built-in "danish" analyser as the default for every text
    # field (Wagtail keeps its own n-gram analysers for autocomplete). Run `manage.py update_index` once.
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": SEARCH_BACKEND,
            "HOSTS": [SEARCH_URL],
            "INDEX_PREFIX": "intranet_",
            "TIMEOUT": 5,
            "INDEX_SETTINGS": {"settings": {"analysis": {"analyzer": {"default": {"type": "danish"}}}}},
        }
    }
# Documents are served through Django, so the login requirement covers them too.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "txt", "csv"]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from an outside service: it would receive hashed staff e-mail addresses and show
# broken images on a network without internet. The admin shows its default avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_MODERATION_ENABLED = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"line": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "line"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # user=<id> METHOD /path status Nms, one per request (intranet/middleware.py).
        "intranet.requests": {"level": "INFO"},
        # Deliveries retried and given up (core/mail.py), the worker's scheduler (core/worker.py).
        "core": {"level": "INFO"},
    },
}


def require_secret_key(key):
    """Stop start-up with a clear message instead of running with a guessable key."""
    if not key:
        raise ImproperlyConfigured(
            "SECRET_KEY mangler: sæt miljøvariablen SECRET_KEY til en lang, tilfældig værdi "
            "(fx python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    return key


# seed_demo refuses to run where this is False (production.py).
DEMO_CONTENT_ALLOWED = True
