import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page, Site

from home.models import HomePage, SiteSettings, StandardPage
from people import roles

pytestmark = pytest.mark.django_db

CONTRACT_USERS = {
    "admin": None,
    "kommunikation": roles.COMMUNICATIONS,
    "moderator": roles.MODERATORS,
    "projektleder": roles.PROJECT_LEADS,
    "projektleder2": roles.PROJECT_LEADS,
    "forandringsagent": roles.CHANGE_AGENTS,
    "medarbejder": roles.EMPLOYEES,
}


def run_seed(*args):
    from io import StringIO

    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def counts():
    return (get_user_model().objects.count(), Page.objects.count(), Site.objects.count())


def test_seed_creates_the_contract_users_with_the_given_password():
    output = run_seed("--password", "hemmeligt")
    assert "bruger medarbejder" in output
    User = get_user_model()
    for username, role in CONTRACT_USERS.items():
        user = User.objects.get(username=username)
        assert user.check_password("hemmeligt")
        if role:
            assert user.groups.filter(name=role).exists()
    assert User.objects.get(username="admin").is_superuser


def test_seed_builds_the_page_tree():
    run_seed()
    home = HomePage.objects.get()
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == home.pk
    about = StandardPage.objects.get(slug="om-mental-frikommune")
    assert about.live and about.get_parent().pk == home.pk
    assert "20" in str(about.body) and "diplom" in str(about.body)
    assert SiteSettings.for_site(site).accessibility_statement.slug == "tilgaengelighedserklaering"


def test_seed_is_idempotent():
    run_seed("--password", "demo")
    before = counts()
    run_seed("--password", "demo")
    assert counts() == before


def test_seed_uses_demo_password_setting(settings):
    settings.DEMO_PASSWORD = "fra-miljoeet"
    run_seed()
    assert get_user_model().objects.get(username="medarbejder").check_password("fra-miljoeet")


def test_seed_refuses_production_settings(settings):
    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError, match="produktionsindstillinger"):
        run_seed()
    assert not get_user_model().objects.filter(username="medarbejder").exists()


def test_production_settings_forbid_demo_content():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", "import intranet.settings.production as s; print(s.DEMO_CONTENT_ALLOWED)"],
        env={"SECRET_KEY": "x" * 50, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "False"
