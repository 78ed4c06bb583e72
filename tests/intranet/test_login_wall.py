"""Everything is behind login except /login/, /healthz/ and static files."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

CLOSED_URLS = [
    "/",
    "/nyheder/",
    "/projekter/",
    "/om-mental-frikommune/",
    "/admin/",
    "/admin/login/",
    "/admin/pages/",
    "/dokumenter/1/rapport.pdf",
    "/media/original_images/foto.jpg",
    "/soeg/?q=test",
    "/nyheder/feed/",
    "/mine-indsendelser/",
    "/i18n/setlang/",
]


@pytest.mark.parametrize("url", CLOSED_URLS)
def test_anonymous_get_is_sent_to_login_with_next(client, home_page, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")


def test_next_keeps_the_query_string(client, home_page):
    response = client.get("/soeg/?q=id%C3%A9&page=2")
    assert response["Location"] == "/login/?next=/soeg/%3Fq%3Did%25C3%25A9%26page%3D2"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_anonymous_writes_are_refused(client, home_page, method):
    response = getattr(client, method)("/")
    assert response.status_code == 403


def test_anonymous_post_to_admin_is_refused(client):
    assert client.post("/admin/pages/add/", {"title": "x"}).status_code == 403


def test_login_page_is_open(client):
    response = client.get("/login/")
    assert response.status_code == 200
    assert b'name="username"' in response.content
    assert b'name="password"' in response.content


def test_static_files_are_served_without_login(client, settings):
    # Whitenoise serves from the finders in tests (autorefresh), before any login check.
    settings.WHITENOISE_AUTOREFRESH = True
    from django.test import Client

    response = Client().get("/static/css/intranet.css")
    assert response.status_code == 200


def test_logged_in_user_reaches_pages(client, home_page, employee):
    client.force_login(employee)
    assert client.get("/").status_code == 200


def test_login_with_right_password_lands_on_next(client, home_page, employee):
    response = client.post(
        "/login/?next=/om/", {"username": "medarbejder", "password": "korrekt-hest-batteri", "next": "/om/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/om/"


def test_login_refuses_foreign_next(client, home_page, employee):
    response = client.post(
        "/login/", {"username": "medarbejder", "password": "korrekt-hest-batteri", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_wrong_password_gets_a_danish_message_and_keeps_the_username(client, home_page, employee):
    response = client.post("/login/", {"username": "medarbejder", "password": "forkert"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Forkert brugernavn eller adgangskode" in content
    assert 'value="medarbejder"' in content


def test_logout_is_post_only(client, home_page, employee):
    client.force_login(employee)
    assert client.get(reverse("logout")).status_code == 405
    assert "_auth_user_id" in client.session
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_logout_without_csrf_token_is_refused(home_page, employee):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(employee)
    assert client.post(reverse("logout")).status_code == 403


def test_an_employee_who_opens_the_admin_gets_a_danish_page_not_a_loop(client, home_page, employee):
    client.force_login(employee)
    response = client.get("/admin/pages/", follow=True)
    assert len(response.redirect_chain) <= 2, response.redirect_chain
    assert response.status_code == 403
    content = response.content.decode()
    assert "Redigeringsområdet er for redaktører" in content
    assert 'href="/"' in content


def test_an_editor_who_lands_on_the_admin_login_goes_on_to_the_admin(client, home_page, make_user, role_groups):
    client.force_login(make_user("redaktoer", "Kommunikation"))
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/login/?next=https://evil.example/")["Location"] == "/admin/"
