"""Single sign-on with the municipality's accounts (OpenID Connect: Microsoft Entra ID, AD FS).

mozilla-django-oidc does the protocol (state, nonce, PKCE, token exchange, signature check);
this module adds what it leaves to the project:

- the provider's endpoints come from its discovery document
  (``<OIDC_ISSUER>/.well-known/openid-configuration``), fetched on first use and kept for an
  hour in each process, so the site starts and the local login works while the provider is away;
- people are found by the provider's stable subject (``sub``, kept in ``people.SingleSignOnIdentity``)
  and, at their first single sign-on, by e-mail, so an existing local account is taken over once;
  an account that already belongs to another subject is never taken over by e-mail (an address
  handed on to a newcomer), and a changed address keeps the account. New accounts get name and
  e-mail from the claims; every login brings name and e-mail up to date;
- every login brings the role groups named in ``OIDC_GROUP_MAP`` up to date from the groups claim
  (read from the ID token as well as from userinfo: Entra ID and AD FS put groups only in the token);
- a session that began here ends at the provider too, when it offers an ``end_session_endpoint``.

https://mozilla-django-oidc.readthedocs.io/en/stable/installation.html
"""

import logging
import threading
import time
from urllib.parse import urlencode

import jwt
import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import BACKEND_SESSION_KEY, get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import View
from mozilla_django_oidc.auth import OIDCAuthenticationBackend, default_username_algo
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from core.auth import CachedUserMixin
from people import roles
from people.models import SingleSignOnIdentity
from projects.services import is_project_lead

logger = logging.getLogger(__name__)

DISCOVERY_MAX_AGE = 60 * 60  # seconds; a provider rotates its keys and endpoints rarely
_discovered = {}  # issuer -> (monotonic expiry, document)
_discovery_lock = threading.Lock()


class ProviderUnavailable(Exception):
    """The provider's discovery document could not be fetched or lacks what the login needs."""


def discovery():
    """The provider's discovery document, fetched on first use and then kept for an hour."""
    issuer = settings.OIDC_ISSUER
    with _discovery_lock:
        expires, document = _discovered.get(issuer, (0, None))
        if document is not None and expires > time.monotonic():
            return document
    url = f"{issuer}/.well-known/openid-configuration"
    try:
        response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as error:
        raise ProviderUnavailable(f"{url}: {error}") from error
    missing = [key for key in ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri") if key not in document]
    if missing:
        raise ProviderUnavailable(f"{url} mangler {', '.join(missing)}")
    with _discovery_lock:
        _discovered[issuer] = (time.monotonic() + DISCOVERY_MAX_AGE, document)
    return document


def forget_discovery():
    """Fetch the discovery document again on next use (tests; a provider that moved)."""
    with _discovery_lock:
        _discovered.clear()


# --- Claims --------------------------------------------------------------------------------------


def claims_email(claims):
    """The e-mail address in the claims: ``email``, else a UPN (Entra's preferred_username, AD FS's upn)."""
    for key in ("email", "upn", "preferred_username"):
        value = (claims.get(key) or "").strip()
        if "@" in value:
            return value
    return ""


def claims_subject(claims):
    """The provider's stable, never reassigned identifier of the person (``sub``); empty when missing
    or longer than can be kept (cut short, two people's subjects could become one)."""
    subject = str(claims.get("sub") or "").strip()
    return subject if len(subject) <= SingleSignOnIdentity._meta.get_field("subject").max_length else ""


def remember_subject(user, claims):
    """Link the account to the person's subject at this provider (once; the pair is unique)."""
    SingleSignOnIdentity.objects.get_or_create(
        issuer=discovery()["issuer"],
        subject=claims_subject(claims),
        defaults={"user": user},
    )


def claims_names(claims):
    first, last = (claims.get("given_name") or "").strip(), (claims.get("family_name") or "").strip()
    if not (first or last):
        first, _space, last = (claims.get("name") or "").strip().rpartition(" ")
        if not first:
            first, last = last, ""
    user_model = get_user_model()
    return (
        first[: user_model._meta.get_field("first_name").max_length],
        last[: user_model._meta.get_field("last_name").max_length],
    )


def claims_groups(claims):
    """The directory groups in the claims, or None when the provider left them out for being too many.

    Entra ID replaces a long list with a pointer to Microsoft Graph ("group overage"); then the
    membership cannot be known from the login and is left as it is. A missing claim means no groups.
    """
    name = settings.OIDC_GROUPS_CLAIM
    if name not in claims and name in (claims.get("_claim_names") or {}):
        return None
    value = claims.get(name) or []
    if isinstance(value, str):  # AD FS sends a single group as a string
        value = [value]
    return [str(item) for item in value]


# --- Role groups ---------------------------------------------------------------------------------


def mapped_roles(directory_groups, group_map=None):
    """The intranet role groups that the given directory groups map onto (``OIDC_GROUP_MAP``)."""
    group_map = settings.OIDC_GROUP_MAP if group_map is None else group_map
    wanted = set()
    for value in directory_groups:
        wanted.update(group_map.get(value.casefold(), ()))
    return wanted & set(roles.ALL)


@transaction.atomic
def sync_roles(user, directory_groups):
    """Make the user's membership of the mapped role groups follow the directory.

    Only the role groups named in ``OIDC_GROUP_MAP`` are touched, so roles given by hand in the
    admin for unmapped groups stay. A project's lead keeps Projektledere and the project's own lead
    group whatever the directory says: lead rights come from the project page alone.
    Returns the (added, removed) group names.
    """
    managed = set(roles.ALL) & {name for names in settings.OIDC_GROUP_MAP.values() for name in names}
    if directory_groups is None or not managed:
        return set(), set()
    wanted = mapped_roles(directory_groups)
    current = set(user.groups.filter(name__in=managed).values_list("name", flat=True))
    added, removed = wanted - current, current - wanted
    if roles.PROJECT_LEADS in removed and is_project_lead(user):
        removed.discard(roles.PROJECT_LEADS)
    if added:
        user.groups.add(*Group.objects.filter(name__in=added))
    if removed:
        user.groups.remove(*Group.objects.filter(name__in=removed))
    if added or removed:
        # The user id only: logs never carry names.
        logger.info("Single sign-on: roles of user %s: +%s -%s", user.pk, sorted(added), sorted(removed))
    return added, removed


# --- Authentication backend ----------------------------------------------------------------------


class OIDCBackend(CachedUserMixin, OIDCAuthenticationBackend):
    """mozilla-django-oidc's backend with endpoints from discovery and the intranet's user rules.

    Listed after django-axes (settings), which throttles the callback by address like any login.
    """

    def __init__(self, *args, **kwargs):
        # Django builds a backend for every request of a signed-in user: no settings checks or
        # network here (the library's constructor wants every endpoint as a setting).
        self.UserModel = get_user_model()

    OIDC_RP_CLIENT_ID = property(lambda self: settings.OIDC_CLIENT_ID)
    OIDC_RP_CLIENT_SECRET = property(lambda self: settings.OIDC_CLIENT_SECRET)
    OIDC_RP_SIGN_ALGO = property(lambda self: settings.OIDC_RP_SIGN_ALGO)
    OIDC_RP_IDP_SIGN_KEY = None
    OIDC_OP_TOKEN_ENDPOINT = property(lambda self: discovery()["token_endpoint"])
    OIDC_OP_JWKS_ENDPOINT = property(lambda self: discovery()["jwks_uri"])
    OIDC_OP_USER_ENDPOINT = property(lambda self: discovery().get("userinfo_endpoint"))

    def authenticate(self, request, **kwargs):
        # Only the provider's return to our callback is a single sign-on attempt; a username and
        # password posted to /login/ never reach the provider.
        if not settings.OIDC_ENABLED or request is None or request.path != reverse("oidc_authentication_callback"):
            return None
        return super().authenticate(request, **kwargs)

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        if "nonce" in kwargs:  # the ID token (not a signed userinfo answer): it must be ours
            audience = payload.get("aud")
            audience = [audience] if isinstance(audience, str) else audience or []
            if payload.get("iss") != discovery()["issuer"] or settings.OIDC_CLIENT_ID not in audience:
                raise SuspiciousOperation("ID token from another issuer or for another client")
        return payload

    def get_userinfo(self, access_token, id_token, payload):
        # The ID token's claims first (groups live there), completed by the userinfo endpoint.
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT:
            claims.update(super().get_userinfo(access_token, id_token, payload))
        return claims

    def verify_claims(self, claims):
        return bool(claims_email(claims)) and bool(claims_subject(claims))

    def filter_users_by_claims(self, claims):
        issuer, subject = discovery()["issuer"], claims_subject(claims)
        linked = self.UserModel.objects.filter(sso_identities__issuer=issuer, sso_identities__subject=subject)
        if linked.exists():
            return linked
        # First single sign-on: the local account with the address, unless another subject has it.
        return self.UserModel.objects.filter(email__iexact=claims_email(claims)).exclude(sso_identities__issuer=issuer)

    def get_username(self, claims):
        """The directory's login name (UPN), lower-cased; a hash of the e-mail if that is taken."""
        username = (claims.get("preferred_username") or claims.get("upn") or claims_email(claims)).strip().lower()
        if not username or len(username) > 150 or self.UserModel.objects.filter(username__iexact=username).exists():
            return default_username_algo(claims_email(claims), claims)
        return username

    def create_user(self, claims):
        first_name, last_name = claims_names(claims)
        user = self.UserModel.objects.create_user(
            self.get_username(claims), email=claims_email(claims), first_name=first_name, last_name=last_name
        )  # no password: this account signs in through the provider only
        remember_subject(user, claims)
        sync_roles(user, claims_groups(claims))
        return user

    def update_user(self, user, claims):
        first_name, last_name = claims_names(claims)
        changed = []
        if (first_name or last_name) and (user.first_name, user.last_name) != (first_name, last_name):
            user.first_name, user.last_name = first_name, last_name
            changed += ["first_name", "last_name"]
        email = claims_email(claims)
        if user.email != email:
            user.email = email
            changed.append("email")
        if changed:
            user.save(update_fields=changed)
        remember_subject(user, claims)
        sync_roles(user, claims_groups(claims))
        return user


# --- Views (thin: the library's, with endpoints from discovery and Danish failures) ---------------


def _login_failed(request):
    messages.error(request, _("Login med din kommunale konto lykkedes ikke. Prøv igen, eller kontakt IT-support."))
    return redirect(settings.LOGIN_URL)


class AuthenticateView(OIDCAuthenticationRequestView):
    """``/oidc/authenticate/?next=...``: sends the browser to the provider's login."""

    def __init__(self, **kwargs):
        View.__init__(self, **kwargs)  # the library's constructor reads endpoints from settings

    def get(self, request):
        if not settings.OIDC_ENABLED:
            raise Http404
        try:
            self.OIDC_OP_AUTH_ENDPOINT = discovery()["authorization_endpoint"]
        except ProviderUnavailable as error:
            logger.warning("Single sign-on: provider unavailable: %s", error)
            return _login_failed(request)
        self.OIDC_RP_CLIENT_ID = settings.OIDC_CLIENT_ID
        return super().get(request)


class CallbackView(OIDCAuthenticationCallbackView):
    """``/oidc/callback/``: the provider's return; the redirect URI registered at the provider."""

    def get(self, request):
        if not settings.OIDC_ENABLED:
            raise Http404
        try:
            return super().get(request)
        except (ProviderUnavailable, requests.RequestException, SuspiciousOperation, jwt.PyJWTError) as error:
            logger.warning("Single sign-on failed: %s", error)
            return self.login_failure()

    def login_failure(self):
        return _login_failed(self.request)


def provider_logout_url(request):
    """Where to send the browser so the session ends at the provider too, or None.

    Only for sessions that began with single sign-on, and only when discovery offers an
    ``end_session_endpoint``. Read it before the local session is flushed (it holds the ID token).
    """
    if not settings.OIDC_ENABLED or request.session.get(BACKEND_SESSION_KEY) != settings.OIDC_BACKEND:
        return None
    try:
        endpoint = discovery().get("end_session_endpoint")
    except ProviderUnavailable as error:
        logger.warning("Single sign-on: no logout at the provider: %s", error)
        return None
    if not endpoint:
        return None
    params = {
        "client_id": settings.OIDC_CLIENT_ID,
        "post_logout_redirect_uri": request.build_absolute_uri(resolve_url(settings.LOGOUT_REDIRECT_URL)),
    }
    if request.session.get("oidc_id_token"):
        params["id_token_hint"] = request.session["oidc_id_token"]
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{urlencode(params)}"
