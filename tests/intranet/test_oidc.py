"""Single sign-on (OpenID Connect) against a real provider on loopback (tests/oidc_provider/).

The test client plays the intranet's side; `requests` plays the browser at the provider (its login
form and redirects), so every token, key and claim comes from the provider itself. The browser
tests in tests/browser/test_oidc_login.py click the same way through Chromium.
"""

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from axes.models import AccessAttempt
from django.contrib.auth import BACKEND_SESSION_KEY, get_user_model
from django.core.exceptions import ImproperlyConfigured

from intranet import oidc
from intranet.settings.base import parse_group_map
from people import roles
from people.models import SingleSignOnIdentity

from ..conftest import SSO_GROUP_MAP
from ..factories import PASSWORD

pytestmark = pytest.mark.django_db
User = get_user_model()
REPO = Path(__file__).resolve().parents[2]
SSO_BUTTON = "Log ind med din kommunale konto"


def sign_in_through_provider(client, provider, username, password="directory-pw", next_url=None):
    """Start at /oidc/authenticate/, sign in at the provider, and return the intranet's callback answer."""
    start = client.get("/oidc/authenticate/", {"next": next_url} if next_url else {})
    assert start.status_code == 302 and start["Location"].startswith(provider.url), start
    with requests.Session() as browser:
        login_page = browser.get(start["Location"], timeout=30)  # the provider asks for its own login first
        assert "/login/" in login_page.url
        response = browser.post(
            login_page.url,
            data={"username": username, "password": password, "csrfmiddlewaretoken": browser.cookies["provider_csrf"]},
            headers={"Referer": login_page.url},
            allow_redirects=False,
            timeout=30,
        )
        location = response.headers.get("Location", "")
        while location.startswith(("/", provider.url)):
            response = browser.get(requests.compat.urljoin(provider.url, location), allow_redirects=False, timeout=30)
            location = response.headers.get("Location", "")
    callback = urlsplit(location)
    assert callback.netloc == "testserver" and callback.path == "/oidc/callback/", location
    return client.get(f"{callback.path}?{callback.query}")


def directory_user(provider, username, groups=(), email=None, first_name="Anna", last_name="Ager"):
    provider.add_user(
        username,
        password="directory-pw",
        email=email or f"{username}@ikast-brande.dk",
        first_name=first_name,
        last_name=last_name,
        groups=groups,
    )


def group_names(user):
    return set(user.groups.values_list("name", flat=True))


# --- Unset, nothing changes ---------------------------------------------------------------------


def test_without_oidc_settings_the_login_page_and_backends_are_as_before(client, settings):
    assert not settings.OIDC_ENABLED
    assert "intranet.oidc.OIDCBackend" not in settings.AUTHENTICATION_BACKENDS
    assert "/oidc/callback/" not in settings.PUBLIC_PATHS
    page = client.get("/login/").content.decode()
    assert SSO_BUTTON not in page
    assert 'name="username"' in page


def test_without_oidc_settings_the_oidc_paths_stay_behind_the_login_wall(client, admin_client):
    assert client.get("/oidc/callback/?code=x&state=y")["Location"].startswith("/login/?next=")
    assert client.get("/oidc/authenticate/")["Location"].startswith("/login/?next=")
    assert admin_client.get("/oidc/authenticate/").status_code == 404


def settings_from_environment(**environment):
    """Load the test settings in a fresh interpreter with these environment variables (no network)."""
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "from django.test import Client; import intranet.urls; "
        "print(json.dumps({'backends': settings.AUTHENTICATION_BACKENDS, 'public': settings.PUBLIC_PATHS, "
        "'map': settings.OIDC_GROUP_MAP, 'only': settings.OIDC_ONLY, 'claim': settings.OIDC_GROUPS_CLAIM}))"
    )
    env = {key: value for key, value in os.environ.items() if not key.startswith("OIDC_")}
    env.update(DJANGO_SETTINGS_MODULE="intranet.settings.test", **environment)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    return result


def test_environment_switches_single_sign_on_on_without_contacting_the_provider():
    # Port 9 on loopback answers nobody: start-up must not fetch the discovery document.
    result = settings_from_environment(
        OIDC_ISSUER="http://127.0.0.1:9/tenant/v2.0/",
        OIDC_CLIENT_ID="app-id",
        OIDC_CLIENT_SECRET="app-secret",
        OIDC_GROUP_MAP="3f2a-guid=Kommunikation, 77b1-guid=Forandringsagenter",
        OIDC_ONLY="true",
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert loaded["backends"][0] == "axes.backends.AxesStandaloneBackend"
    assert loaded["backends"][-1] == "intranet.oidc.OIDCBackend"
    assert {"/oidc/authenticate/", "/oidc/callback/"} <= set(loaded["public"])
    assert loaded["map"] == {"3f2a-guid": ["Kommunikation"], "77b1-guid": ["Forandringsagenter"]}
    assert loaded["only"] is True
    assert loaded["claim"] == "groups"


def test_an_issuer_without_client_credentials_stops_start_up():
    result = settings_from_environment(OIDC_ISSUER="http://127.0.0.1:9/adfs")
    assert result.returncode != 0
    assert "OIDC_CLIENT_ID" in result.stderr


def test_a_missing_or_overlong_subject_is_refused_not_cut_short():
    backend = oidc.OIDCBackend()
    claims = {"email": "a@ikast-brande.dk"}
    assert oidc.claims_subject({**claims, "sub": " abc "}) == "abc"
    assert not backend.verify_claims(claims)
    assert not backend.verify_claims({**claims, "sub": "x" * 256})
    assert backend.verify_claims({**claims, "sub": "x" * 255})


def test_group_map_parsing():
    assert parse_group_map("") == {}
    assert parse_group_map("A=Kommunikation, a=Moderatorer,CN=x=Medarbejdere") == {
        "a": ["Kommunikation", "Moderatorer"],
        "cn=x": ["Medarbejdere"],
    }
    for wrong in ["Kommunikation", "=Kommunikation", "abc="]:
        with pytest.raises(ImproperlyConfigured):
            parse_group_map(wrong)


def test_a_group_map_onto_anything_but_a_role_is_a_configuration_error(settings):
    from intranet.checks import oidc_group_map_names_roles

    settings.OIDC_GROUP_MAP = {"x": ["Kommunikation"]}
    assert oidc_group_map_names_roles(None) == []
    settings.OIDC_GROUP_MAP = {"x": ["Projektleder: Aktivt medborgerskab (#3)"]}
    assert [error.id for error in oidc_group_map_names_roles(None)] == ["intranet.E001"]


def test_groups_claim_shapes(settings):
    settings.OIDC_GROUPS_CLAIM = "group"
    assert oidc.claims_groups({"group": "Intranet-Kommunikation"}) == ["Intranet-Kommunikation"]  # AD FS, one group
    assert oidc.claims_groups({"group": ["a", "b"]}) == ["a", "b"]
    assert oidc.claims_groups({}) == []  # no claim: member of no mapped group
    # Entra ID's group overage: the claim is replaced by a pointer, so membership is unknown.
    assert oidc.claims_groups({"_claim_names": {"group": "src1"}}) is None


def test_unknown_membership_leaves_the_roles_as_they_are(settings, make_user, role_groups):
    settings.OIDC_GROUP_MAP = parse_group_map(SSO_GROUP_MAP)
    person = make_user("gg", roles.COMMUNICATIONS)
    assert oidc.sync_roles(person, None) == (set(), set())
    assert group_names(person) == {roles.EMPLOYEES, roles.COMMUNICATIONS}
    assert oidc.sync_roles(person, []) == (set(), {roles.COMMUNICATIONS})


# --- Discovery ----------------------------------------------------------------------------------


def test_discovery_is_fetched_on_first_use_and_then_kept(sso, monkeypatch):
    calls = []
    real_get = requests.get
    monkeypatch.setattr(oidc.requests, "get", lambda url, **kwargs: calls.append(url) or real_get(url, **kwargs))
    first = oidc.discovery()
    second = oidc.discovery()
    assert first is second
    assert first["issuer"] == sso.issuer
    assert calls == [f"{sso.issuer}/.well-known/openid-configuration"]


def test_a_provider_that_does_not_answer_gives_a_danish_message(client, sso, settings):
    settings.OIDC_ISSUER = "http://127.0.0.1:9/nobody"
    response = client.get("/oidc/authenticate/", follow=True)
    assert response.redirect_chain[-1][0] == "/login/"
    assert "Login med din kommunale konto lykkedes ikke" in response.content.decode()


# --- The login page ----------------------------------------------------------------------------


def test_login_page_offers_single_sign_on_above_the_local_form(client, sso):
    page = client.get("/login/?next=/min-profil/").content.decode()
    button = page.index(SSO_BUTTON)
    assert 'href="/oidc/authenticate/?next=%2Fmin-profil%2F"' in page
    assert button < page.index('name="username"')


def test_next_may_not_lead_away_from_the_intranet(client, sso):
    client.get("/oidc/authenticate/", {"next": "https://elsewhere.example/"})
    assert client.session["oidc_login_next"] is None
    client.get("/oidc/authenticate/", {"next": "/min-profil/"})
    assert client.session["oidc_login_next"] == "/min-profil/"


def test_oidc_only_hides_the_local_form_and_lets_only_superusers_use_it(client, sso, settings, make_user, role_groups):
    settings.OIDC_ONLY = True
    make_user("medarbejder")
    admin = make_user("chef", is_superuser=True, is_staff=True)
    page = client.get("/login/").content.decode()
    assert SSO_BUTTON in page
    assert 'name="password"' not in page

    local = client.get("/login/?lokal=1").content.decode()
    assert 'name="password"' in local and SSO_BUTTON in local

    refused = client.post("/login/", {"username": "medarbejder", "password": PASSWORD})
    assert refused.status_code == 200
    assert "Forkert brugernavn eller adgangskode" in refused.content.decode()
    assert "_auth_user_id" not in client.session

    allowed = client.post("/login/", {"username": "chef", "password": PASSWORD})
    assert allowed.status_code == 302
    assert client.session["_auth_user_id"] == str(admin.pk)


# --- Signing in through the provider ------------------------------------------------------------


def test_first_sign_in_creates_the_user_from_the_claims_with_the_mapped_roles(client, sso, role_groups):
    directory_user(
        sso, "aa1234", groups=["GG-Intranet-Kommunikation", "GG-Andet"], first_name="Astrid", last_name="Aagaard"
    )
    response = sign_in_through_provider(client, sso, "aa1234", next_url="/min-profil/")

    assert response.status_code == 302 and response["Location"] == "/min-profil/"
    user = User.objects.get(email="aa1234@ikast-brande.dk")
    assert (user.username, user.first_name, user.last_name) == ("aa1234", "Astrid", "Aagaard")
    assert not user.has_usable_password()
    assert group_names(user) == {roles.EMPLOYEES, roles.COMMUNICATIONS}
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.session[BACKEND_SESSION_KEY] == "intranet.oidc.OIDCBackend"
    assert client.get("/min-profil/").status_code == 200


def test_every_sign_in_brings_the_mapped_roles_up_to_date_and_leaves_the_rest(
    client, sso, role_groups, make_user, home_page
):
    from ..factories import ProjectIndexPageFactory, ProjectPageFactory

    person = make_user("bb", roles.COMMUNICATIONS, roles.MODERATORS, email="BB@ikast-brande.dk", first_name="Gammel")
    project = ProjectPageFactory(parent=ProjectIndexPageFactory(parent=home_page), lead=person)
    project.save_revision().publish()
    lead_groups = group_names(person) - set(roles.ALL)
    assert roles.PROJECT_LEADS in group_names(person) and lead_groups  # the project page made the lead

    directory_user(sso, "bb", email="bb@ikast-brande.dk", groups=["gg-Forandringsagenter"], first_name="Bodil")
    sign_in_through_provider(client, sso, "bb")

    person.refresh_from_db()
    assert person.first_name == "Bodil"  # the directory keeps names up to date
    # Kommunikation left (mapped, not in the directory), Forandringsagenter came (mapped, in the
    # directory), Moderatorer stayed (not mapped), and the lead keeps the lead's rights.
    assert (
        group_names(person)
        == {roles.EMPLOYEES, roles.CHANGE_AGENTS, roles.MODERATORS, roles.PROJECT_LEADS} | lead_groups
    )
    assert User.objects.filter(email__iexact="bb@ikast-brande.dk").count() == 1  # the local account was taken over

    directory_user(sso, "bb", email="bb@ikast-brande.dk", groups=["GG-Projektledere", "GG-Intranet-Kommunikation"])
    client.logout()
    sign_in_through_provider(client, sso, "bb")
    assert (
        group_names(person)
        == {roles.EMPLOYEES, roles.COMMUNICATIONS, roles.MODERATORS, roles.PROJECT_LEADS} | lead_groups
    )


def test_a_deactivated_account_cannot_sign_in(client, sso, make_user, role_groups):
    make_user("cc", email="cc@ikast-brande.dk", is_active=False)
    directory_user(sso, "cc")
    response = sign_in_through_provider(client, sso, "cc")
    assert response["Location"] == "/login/"
    assert "_auth_user_id" not in client.session


def test_a_forged_callback_signs_nobody_in(client, sso):
    client.get("/oidc/authenticate/")
    response = client.get("/oidc/callback/?code=forged&state=unknown", follow=True)
    assert "Login med din kommunale konto lykkedes ikke" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_single_sign_on_works_beside_django_axes(client, sso, role_groups):
    """A failed password login and a later SSO from the same address: axes lets SSO through and logs it."""
    directory_user(sso, "dd")
    client.post("/login/", {"username": "dd", "password": "forkert"})
    assert AccessAttempt.objects.count() == 1
    response = sign_in_through_provider(client, sso, "dd")
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.session[BACKEND_SESSION_KEY] == "intranet.oidc.OIDCBackend"


def test_password_guessing_does_not_lock_the_person_out_of_single_sign_on(client, sso, settings):
    """django-axes locks a name at an address for passwords; the provider checks its own logins."""
    directory_user(sso, "ee")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post("/login/", {"username": "ee", "password": "forkert"})
    assert client.post("/login/", {"username": "ee", "password": "forkert"}).status_code == 429
    response = sign_in_through_provider(client, sso, "ee")
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.session[BACKEND_SESSION_KEY] == "intranet.oidc.OIDCBackend"


def test_the_account_follows_the_subject_when_the_directory_changes_the_address(client, sso, role_groups):
    directory_user(sso, "gg", email="gitte.gg@ikast-brande.dk")
    sign_in_through_provider(client, sso, "gg")
    person = User.objects.get(email="gitte.gg@ikast-brande.dk")
    (identity,) = SingleSignOnIdentity.objects.filter(user=person)
    assert identity.issuer == oidc.discovery()["issuer"] and identity.subject
    from people.departure import export_person

    assert export_person(person)["account"]["single_sign_on"][0]["subject"] == identity.subject

    directory_user(sso, "gg", email="gitte.gg-hansen@ikast-brande.dk", last_name="Hansen")
    client.logout()
    sign_in_through_provider(client, sso, "gg")
    assert client.session["_auth_user_id"] == str(person.pk)
    person.refresh_from_db()
    assert (person.email, person.last_name) == ("gitte.gg-hansen@ikast-brande.dk", "Hansen")
    assert User.objects.filter(username__startswith="gg").count() == 1


def test_an_address_handed_on_to_a_newcomer_does_not_hand_over_the_account(client, sso, make_user, role_groups):
    former = make_user("hh-tidligere", email="hh@ikast-brande.dk")
    SingleSignOnIdentity.objects.create(user=former, issuer=oidc.discovery()["issuer"], subject="en-anden-person")
    directory_user(sso, "hh", email="hh@ikast-brande.dk", first_name="Helle")
    response = sign_in_through_provider(client, sso, "hh")
    assert response.status_code == 302 and response["Location"] == "/"
    newcomer = User.objects.get(pk=client.session["_auth_user_id"])
    assert newcomer != former and newcomer.first_name == "Helle"
    assert SingleSignOnIdentity.objects.get(user=former).subject == "en-anden-person"


def test_a_person_who_returns_after_being_anonymised_starts_afresh(client, sso, role_groups):
    from people.departure import anonymise_person

    directory_user(sso, "ii", first_name="Inge")
    sign_in_through_provider(client, sso, "ii")
    first = User.objects.get(pk=client.session["_auth_user_id"])
    client.logout()
    anonymise_person(first)
    assert not SingleSignOnIdentity.objects.filter(user=first).exists()

    sign_in_through_provider(client, sso, "ii")
    second = User.objects.get(pk=client.session["_auth_user_id"])
    assert second != first and second.first_name == "Inge"
    first.refresh_from_db()
    assert (first.is_active, first.first_name, first.email) == (False, "", "")


# --- Logout -------------------------------------------------------------------------------------


def test_logout_ends_the_session_at_the_provider(client, sso):
    directory_user(sso, "ff")
    sign_in_through_provider(client, sso, "ff")
    id_token = client.session["oidc_id_token"]
    response = client.post("/logout/")
    assert response.status_code == 302
    target = response["Location"]
    assert target.startswith(f"{sso.issuer}/end-session?")
    assert f"id_token_hint={id_token}" in target
    assert "post_logout_redirect_uri=http%3A%2F%2Ftestserver%2Flogin%2F" in target
    assert "_auth_user_id" not in client.session


def test_a_local_session_logs_out_locally_only(client, sso, employee):
    client.force_login(employee, backend="core.auth.CachedPermissionsBackend")
    response = client.post("/logout/")
    assert response["Location"] == "/login/"
