"""Issue 13: a first visit to the dashboard transfers at most 300 KB under production's static storage.

`manage.py measure_first_view` collects the static files with whitenoise's compressed manifest storage,
renders the dashboard for an employee and adds up the page and every same-origin file it references,
CSS url() references (fonts, images) included, at the size whitenoise sends.
"""

import pytest

from intranet.management.commands.measure_first_view import measure_first_view
from people import roles

pytestmark = pytest.mark.django_db

BUDGET = 300 * 1024


@pytest.fixture(scope="module")
def first_view(django_db_setup, django_db_blocker):
    """One collectstatic and one render for every test here (collecting takes a few seconds)."""
    from tests.conftest import restore_migrated_data
    from tests.factories import HomePageFactory, UserFactory

    with django_db_blocker.unblock():
        from django.db import transaction
        from wagtail.models import Page, Site

        with transaction.atomic():
            restore_migrated_data()
            home = HomePageFactory(parent=Page.get_first_root_node())
            Site.objects.update_or_create(
                is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
            )
            user = UserFactory(username="medarbejder", groups=[roles.EMPLOYEES])
            result = measure_first_view(user, "/")
            transaction.set_rollback(True)
    return result


def test_the_dashboard_first_view_is_at_most_300_kb(first_view):
    assert first_view.brotli_total <= BUDGET, first_view.assets
    # Also for a client without brotli (gzip only).
    assert first_view.gzip_total <= BUDGET, first_view.assets


def test_every_font_is_woff2_and_only_three_weights(first_view):
    fonts = [url for url in first_view.assets if "/fonts/" in url]
    assert fonts, "the stylesheet's fonts are counted"
    assert all(url.endswith(".woff2") for url in fonts), fonts
    assert len(fonts) == 3, fonts


def test_the_icons_come_from_a_small_sprite(first_view):
    assert not [url for url in first_view.assets if "all-svg-icons" in url]
    sprite = [sizes for url, sizes in first_view.assets.items() if "/icons." in url and url.endswith(".svg")]
    assert sprite and sprite[0][0] < 2048, sprite


def test_text_assets_are_served_compressed(first_view):
    for url, (raw, gzip_size, brotli_size) in first_view.assets.items():
        if url.endswith((".css", ".js")) and raw > 1024:
            assert brotli_size < raw and gzip_size < raw, url


def test_only_the_dkfds_components_the_pages_use_are_shipped(first_view):
    """DKFDS's full bundle (77 KB) gives way to the menus and tables the pages use (scripts/dkfds/)."""
    scripts = [url for url in first_view.assets if "/dkfds/js/" in url]
    assert len(scripts) == 1 and "/dkfds-intranet." in scripts[0], scripts
    assert first_view.assets[scripts[0]][0] < 20 * 1024, first_view.assets[scripts[0]]
