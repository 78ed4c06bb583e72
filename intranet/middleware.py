"""Cross-cutting request handling: the login wall, the language choice, the request log."""

import logging
import time

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseForbidden
from django.utils import translation
from django.utils.functional import SimpleLazyObject, empty

request_logger = logging.getLogger("intranet.requests")


def is_public_path(path):
    if path in settings.PUBLIC_PATHS:
        return True
    return any(path.startswith(prefix) for prefix in getattr(settings, "PUBLIC_PATH_PREFIXES", ()))


class LoginRequiredMiddleware:
    """Everything is behind login, except the paths listed in ``settings.PUBLIC_PATHS`` and
    those under ``settings.PUBLIC_PATH_PREFIXES`` (the personal news feed, whose secret address
    is its own credential; its URL module answers 404 to anything else under the prefix).

    Django's own ``LoginRequiredMiddleware`` trusts views that opt out with
    ``login_not_required``; third-party views (the Wagtail admin's login and password
    reset screens) do, which would open pages we want closed. An explicit list of public
    paths is easier to audit. Anonymous GET/HEAD requests are sent to the login page;
    any other method is refused outright, so no form can be posted anonymously.

    The decision is taken on ``request.path_info``, the part of the address Django routes.
    ``request.path`` also holds the script prefix (``SCRIPT_NAME``), which gunicorn takes from a
    request header: with ``SCRIPT_NAME: /feed`` a request for ``/feed/`` would look public while
    Django routes ``/`` (the dashboard).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_public_path(request.path_info) or request.user.is_authenticated:
            return self.get_response(request)
        if request.method in ("GET", "HEAD"):
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        return HttpResponseForbidden(
            translation.gettext("Du skal være logget ind.").encode(), content_type="text/plain; charset=utf-8"
        )


class CookieLanguageMiddleware:
    """Danish for everyone unless the user chose another language.

    Django's ``LocaleMiddleware`` also follows the browser's Accept-Language header, which
    would show a Danish municipality's intranet in English to anyone with an English browser.
    Here only the language cookie set by Django's ``set_language`` view changes the language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class RequestLogMiddleware:
    """One log line per request: user id (never a name), method, path, status, milliseconds.

    The path carries no query string (search words stay out of the log). The user id is only
    read when the request already looked the user up, so logging adds no query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        response = self.get_response(request)
        milliseconds = (time.monotonic() - started) * 1000
        request_logger.info(
            "user=%s %s %s %s %.0fms",
            _known_user_id(request),
            request.method,
            request.path,
            response.status_code,
            milliseconds,
        )
        return response


def _known_user_id(request):
    user = request.__dict__.get("user")
    if user is None or (isinstance(user, SimpleLazyObject) and user._wrapped is empty):
        return "-"
    return user.pk if user.is_authenticated else "-"
