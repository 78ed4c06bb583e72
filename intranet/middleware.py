"""Cross-cutting request handling: the login wall and the language choice."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseForbidden
from django.utils import translation


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
