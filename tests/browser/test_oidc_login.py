"""Single sign-on as a person clicks through it: Chromium, the intranet and a real OpenID Connect
provider (tests/oidc_provider/, a separate process on loopback)."""

import pytest
from django.contrib.auth import get_user_model

from people import roles

from ..factories import PASSWORD
from .conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SSO_BUTTON = "Log ind med din kommunale konto"


def sign_in_at_provider(page, provider, username, password="directory-pw"):
    page.get_by_role("link", name=SSO_BUTTON).click()
    page.wait_for_url(f"{provider.url}/login/**")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def test_employee_signs_in_with_the_municipal_account_and_out_at_the_provider(
    page, live_server, sso, home_page, role_groups
):
    sso.add_user(
        "kk4711",
        password="directory-pw",
        email="kk4711@ikast-brande.dk",
        first_name="Karen",
        last_name="Kjærgaard",
        groups=["GG-Intranet-Kommunikation"],
    )
    page.goto("/min-profil/")
    assert "/login/" in page.url
    sso_link = page.get_by_role("link", name=SSO_BUTTON)
    local_field = page.get_by_label("Brugernavn")
    assert sso_link.bounding_box()["y"] < local_field.bounding_box()["y"]  # above the local form
    assert_accessible(page)

    sign_in_at_provider(page, sso, "kk4711")
    page.wait_for_url(f"{live_server.url}/min-profil/")
    assert "Karen Kjærgaard" in page.content()
    user = get_user_model().objects.get(email="kk4711@ikast-brande.dk")
    assert set(user.groups.values_list("name", flat=True)) == {roles.EMPLOYEES, roles.COMMUNICATIONS}

    # Logging out ends the provider's session too: the next single sign-on asks for the password again.
    page.locator(".portal-user").get_by_role("button", name="Log af").click()
    page.wait_for_url(f"{live_server.url}/login/")
    page.goto("/")
    assert "/login/" in page.url
    page.get_by_role("link", name=SSO_BUTTON).click()
    page.wait_for_url(f"{sso.url}/login/**")


def test_oidc_only_shows_the_button_alone_and_admins_use_the_local_form(
    page, live_server, sso, settings, home_page, role_groups, make_user
):
    settings.OIDC_ONLY = True
    make_user("admin", is_superuser=True, is_staff=True)
    page.goto("/")
    assert page.get_by_role("link", name=SSO_BUTTON).is_visible()
    assert page.get_by_label("Brugernavn").count() == 0
    assert_accessible(page)

    page.goto("/login/?lokal=1")
    assert "Kun for administratorer" in page.content()
    assert_accessible(page)
    page.get_by_label("Brugernavn").fill("admin")
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind", exact=True).click()
    page.wait_for_load_state()
    assert page.url == f"{live_server.url}/"
