import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_settings_are_danish_first():
    assert settings.LANGUAGE_CODE == "da"
    assert settings.TIME_ZONE == "Europe/Copenhagen"


def test_pages_are_danish_even_for_an_english_browser(client, home_page, employee):
    client.force_login(employee)
    content = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="da">' in content
    assert "Gå til sidens indhold" in content


def test_english_is_compiled_and_selectable(client, home_page, employee):
    client.force_login(employee)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    content = client.get("/").content.decode()
    assert '<html lang="en">' in content
    assert "Skip to main content" in content
    assert "Log out" in content


def test_wagtail_admin_speaks_danish(client, make_user):
    admin = make_user("chef", is_superuser=True, is_staff=True)
    client.force_login(admin)
    content = client.get("/admin/").content.decode()
    assert 'lang="da"' in content
    assert "Sider" in content
