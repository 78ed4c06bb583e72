import os
from importlib import import_module

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from home.models import HomePage
from people import roles

from .factories import HomePageFactory, NewsArticlePageFactory, NewsIndexPageFactory, UserFactory
from .gunicorn import gunicorn  # noqa: F401  (fixture: real gunicorn under production settings)

# Playwright's sync API runs an event loop in the test thread; Django's ORM must still be usable there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def restore_migrated_data():
    """Put back what migrations seed (default locale, root page and collection, role groups).

    Transactional tests (the browser tests) end with a flush that empties every table, and
    pytest-django's serialized rollback does not survive the Playwright event loop here.
    """
    from django.apps import apps
    from wagtail.models import Collection, Locale

    Locale.objects.get_or_create(language_code="da")
    if not Collection.objects.exists():
        Collection.add_root(name="Rod")
    if not Page.objects.exists():
        Page.add_root(instance=Page(title="Rod", slug="root"))
    roles_migration = import_module("people.migrations.0001_roles")
    roles_migration.create_roles(apps, None)
    import_module("comments.migrations.0002_moderation_permission").grant_moderation(apps, None)
    import_module("news.migrations.0002_categories_and_permissions").seed_categories_and_permissions(apps, None)


@pytest.fixture
def home_page(db):
    """The site root: one HomePage under Wagtail's root, served by the default Site.

    Builds the tree when a transactional test has flushed it, and fails loudly if the
    tree is not what every other fixture expects.
    """
    restore_migrated_data()
    root = Page.get_first_root_node()
    home = HomePage.objects.first() or HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    assert home.depth == 2, "HomePage must sit directly under Wagtail's root"
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert HomePage.objects.count() == 1
    return home


@pytest.fixture
def role_groups(db):
    """The role groups, with their permissions (recreated after a transactional test's flush)."""
    restore_migrated_data()
    return {name: Group.objects.get_or_create(name=name)[0] for name in roles.ALL}


@pytest.fixture
def make_user(db):
    def make(username=None, *role_names, **kwargs):
        if username:
            kwargs["username"] = username
        return UserFactory(groups=list(role_names), **kwargs)

    return make


@pytest.fixture
def employee(make_user):
    return make_user("medarbejder")


@pytest.fixture
def colleague(make_user):
    return make_user("kollega", first_name="Kim", last_name="Kollega")


# A news article with an author and a category: what notifications and reactions are tried on
# (tests/news and tests/comments build their own).
@pytest.fixture
def news_index(home_page, role_groups):
    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def category(db):
    from news.models import NewsCategory

    return NewsCategory.objects.get_or_create(slug="it", defaults={"name": "IT"})[0]


@pytest.fixture
def article(news_index, category, make_user):
    author = make_user("skribent", first_name="Sofie", last_name="Skriver")
    return NewsArticlePageFactory(
        parent=news_index, title="En nyhed", slug="en-nyhed", author=author, categories=[category]
    )


@pytest.fixture(autouse=True)
def empty_cache():
    """The caches (rate limits, search result pages, versions, sessions) outlive a test's database rollback: start each test empty."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


# --- Single sign-on against a real OpenID Connect provider (tests/oidc_provider/) ----------------
SSO_CLIENT_ID = "intranet"
SSO_CLIENT_SECRET = "test-client-secret"
# As an operator would write OIDC_GROUP_MAP (Entra ID sends group object ids; any string works).
SSO_GROUP_MAP = (
    "GG-Intranet-Kommunikation=Kommunikation,gg-forandringsagenter=Forandringsagenter,GG-Projektledere=Projektledere"
)


@pytest.fixture(scope="session")
def oidc_provider():
    """django-oidc-provider in its own process on a free loopback port, for the whole run."""
    from .oidc_provider.server import ProviderServer

    server = ProviderServer().start()
    yield server
    server.stop()


@pytest.fixture
def sso(request, settings, oidc_provider):
    """Single sign-on switched on against the test provider, as the OIDC_* variables would do it.

    The intranet is registered at the provider with the redirect URI `<site>/oidc/callback/` for the
    test client's site and, in browser tests, the live server's.
    """
    from intranet import oidc
    from intranet.settings.base import origin_of, parse_group_map
    from intranet.settings.headers import content_security_policies

    sites = ["http://testserver"]
    if "live_server" in request.fixturenames:
        sites.append(request.getfixturevalue("live_server").url)
    registered = getattr(oidc_provider, "registered_sites", [])
    if not set(sites) <= set(registered):
        sites = sorted({*registered, *sites})
        oidc_provider.register_client(
            SSO_CLIENT_ID,
            SSO_CLIENT_SECRET,
            redirect_uris=[f"{site}/oidc/callback/" for site in sites],
            post_logout_uris=[f"{site}/login/" for site in sites],
        )
        oidc_provider.registered_sites = sites
    settings.OIDC_ENABLED = True
    settings.OIDC_ISSUER = oidc_provider.issuer
    settings.OIDC_CLIENT_ID = SSO_CLIENT_ID
    settings.OIDC_CLIENT_SECRET = SSO_CLIENT_SECRET
    settings.OIDC_GROUP_MAP = parse_group_map(SSO_GROUP_MAP)
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, settings.OIDC_BACKEND]
    settings.PUBLIC_PATHS = [*settings.PUBLIC_PATHS, *settings.OIDC_PUBLIC_PATHS]
    # As base.py does when OIDC_ISSUER is set: logout's form may lead on to the provider.
    settings.CONTENT_SECURITY_POLICY, settings.ADMIN_CONTENT_SECURITY_POLICY = content_security_policies(
        extra_form_actions=[origin_of(oidc_provider.issuer)]
    )
    oidc.forget_discovery()
    yield oidc_provider
    oidc.forget_discovery()
