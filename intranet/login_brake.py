"""A slow brake on guessing one person's password, which nobody can turn against her.

django-axes locks the pair (user name, address) after five failures: an attacker who changes
address gets five more guesses each time. This brake counts the failures for a user name from
every address (django-axes' failure log) and, past ``LOGIN_NAME_BRAKE_LIMIT`` in
``LOGIN_NAME_BRAKE_HOURS``, refuses further attempts for that name, except from a browser in
which that person has logged in before: a successful login leaves a signed cookie naming her,
which an attacker cannot make. So the rightful user keeps working from her usual browsers
however many failures others cause; only a browser she has never used is held back until the
failures age out (single sign-on is not affected).
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

KNOWN_BROWSER_COOKIE = "kendt_browser"
KNOWN_BROWSER_SALT = "intranet.login_brake"
KNOWN_BROWSER_DAYS = 365


def _name(username):
    return (username or "").strip().casefold()


def known_browser(request, username):
    value = request.get_signed_cookie(
        KNOWN_BROWSER_COOKIE, default=None, salt=KNOWN_BROWSER_SALT, max_age=timedelta(days=KNOWN_BROWSER_DAYS)
    )
    return bool(value) and _name(username) in value.split("\n")


def remember_browser(request, response, username):
    """After a successful login: this browser is hers (a shared PC may remember a few names)."""
    value = request.get_signed_cookie(
        KNOWN_BROWSER_COOKIE, default="", salt=KNOWN_BROWSER_SALT, max_age=timedelta(days=KNOWN_BROWSER_DAYS)
    )
    names = [name for name in value.split("\n") if name and name != _name(username)]
    names = [_name(username), *names][:5]
    response.set_signed_cookie(
        KNOWN_BROWSER_COOKIE,
        "\n".join(names),
        salt=KNOWN_BROWSER_SALT,
        max_age=KNOWN_BROWSER_DAYS * 24 * 3600,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def recent_failures(username):
    from axes.models import AccessFailureLog

    since = timezone.now() - timedelta(hours=settings.LOGIN_NAME_BRAKE_HOURS)
    return AccessFailureLog.objects.filter(username__iexact=(username or "").strip(), attempt_time__gte=since).count()


def is_braked(request, username):
    """True when this attempt for ``username`` must wait: many recent failures, unknown browser."""
    if not username or known_browser(request, username):
        return False
    return recent_failures(username) >= settings.LOGIN_NAME_BRAKE_LIMIT
