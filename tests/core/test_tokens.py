"""One set of rules for the secret addresses (core.tokens), shared by the news feed and the calendar."""

import pytest

from events.models import CalendarToken
from news.models import FeedToken

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [FeedToken, CalendarToken])
def test_a_secret_address_opens_only_for_an_active_person_until_regenerated(model, make_user):
    person = make_user("adresse")
    holder = model.for_user(person)
    assert model.for_user(person) == holder
    first = holder.token
    assert len(first) >= 40
    assert model.of_active_person(first) == holder

    second = holder.regenerate()
    assert second != first
    assert model.of_active_person(first) is None
    assert model.of_active_person(second) == holder

    person.is_active = False
    person.save()
    assert model.of_active_person(second) is None


def test_the_two_addresses_are_separate_secrets(make_user):
    person = make_user("to-adresser")
    feed, calendar = FeedToken.for_user(person), CalendarToken.for_user(person)
    assert feed.token != calendar.token
    feed.regenerate()
    assert CalendarToken.of_active_person(calendar.token) == calendar
    assert FeedToken.of_active_person(calendar.token) is None
