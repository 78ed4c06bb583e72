"""English is complete where it is offered (issue 11, item 9).

Interface text is translated; the strategy keeps its Danish name "Mental Frikommune"; the news
categories that the municipality starts with are translated, the content itself stays Danish.
"""

from io import StringIO
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import formats, translation

from news.models import SEEDED_CATEGORY_NAMES, NewsCategory

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"


def test_every_message_has_its_english_translation():
    catalogue = polib.pofile(str(CATALOGUE))
    missing = [entry.msgid for entry in catalogue.untranslated_entries() + catalogue.fuzzy_entries()]
    assert not missing, f"Without English (run `make messages` and translate): {missing}"


def test_the_strategy_keeps_its_danish_name_in_english():
    catalogue = polib.pofile(str(CATALOGUE))
    for entry in catalogue:
        if "Mental Frikommune" in entry.msgid:
            assert "Mental Frikommune" in entry.msgstr, entry.msgid


@pytest.mark.django_db
def test_english_readers_see_translated_interface_and_categories(client):
    call_command("seed_demo", "--password", "demo", stdout=StringIO())
    client.force_login(get_user_model().objects.get(username="medarbejder"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    dashboard = client.get("/").content.decode()
    assert '<html lang="en">' in dashboard
    assert "Mental Frikommune" in dashboard
    assert "Mental Free" not in dashboard

    news = client.get("/nyheder/").content.decode()
    assert ">Health</a>" in news and ">Procurement</a>" in news
    assert ">Sundhed</a>" not in news
    assert set(NewsCategory.objects.values_list("name", flat=True)) >= set(SEEDED_CATEGORY_NAMES)


@pytest.mark.django_db
def test_dates_are_written_as_each_language_writes_them(client):
    from news.models import NewsArticlePage

    call_command("seed_demo", "--password", "demo", stdout=StringIO())
    client.force_login(get_user_model().objects.get(username="medarbejder"))
    article = NewsArticlePage.objects.live().order_by("-date").first()
    day = article.date
    danish = client.get(article.url).content.decode()
    with translation.override("da"):
        assert f"{day.day}. {formats.date_format(day, 'F Y')}" in danish
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(article.url).content.decode()
    with translation.override("en"):
        month = formats.date_format(day, "F Y")
    assert f"{day.day} {month}" in english and f"{day.day}. {month}" not in english


@pytest.mark.django_db
def test_a_category_added_by_editors_is_shown_as_written(client):
    category = NewsCategory.objects.create(name="Kultur", slug="kultur")
    with translation.override("en"):
        assert category.label == "Kultur"
        assert NewsCategory.objects.get(slug="sundhed").label == "Health"
    with translation.override("da"):
        assert NewsCategory.objects.get(slug="sundhed").label == "Sundhed"
