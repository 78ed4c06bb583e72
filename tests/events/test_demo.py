"""seed_demo's calendar: at least three upcoming workshops, led by change agents, and idempotent."""

from io import StringIO

import pytest
from django.core.management import call_command

from events.models import EventIndexPage, EventPage
from people import roles

pytestmark = pytest.mark.django_db


def test_the_demo_calendar_has_three_upcoming_workshops_and_seeding_again_adds_none():
    call_command("seed_demo", "--password", "demo", stdout=StringIO())
    calendar = EventIndexPage.objects.live().get()
    assert calendar.url == "/kalender/"
    upcoming = list(EventPage.objects.live().child_of(calendar).filter(start__gt=calendar.first_published_at))
    assert len(upcoming) >= 3
    for event in upcoming:
        assert event.project is not None and event.capacity > 0
        assert all(person.groups.filter(name=roles.CHANGE_AGENTS).exists() for person in event.facilitators.all())
        assert event.facilitators.exists()
    call_command("seed_demo", "--password", "demo", stdout=StringIO())
    assert EventPage.objects.count() == len(upcoming)
