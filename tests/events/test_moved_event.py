"""An event that gets a new time or place: everyone signed up or waiting is told, and only then."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.utils import formats, timezone

from events.models import EventPage
from notifications.models import Notification

from .test_admin_drafts import edit_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_up(event, staff):
    from events import services

    for name in ("medarbejder", "moderator", "kommunikation"):  # two seats, then the waiting list
        services.sign_up(event, staff[name])
    return ["kommunikation", "medarbejder", "moderator"]


def edit(staff, event, **changes):
    organiser = Client()
    organiser.force_login(staff["forandringsagent"])
    live = EventPage.objects.get(pk=event.pk)
    response = organiser.post(live.url + "rediger/", edit_form(live, **changes))
    assert response.status_code == 302
    return EventPage.objects.get(pk=event.pk)


def local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_a_new_time_is_told_to_everyone_signed_up_or_waiting(
    event, staff, signed_up, django_capture_on_commit_callbacks
):
    start = timezone.localtime(event.start).replace(hour=9, minute=0) + datetime.timedelta(days=1)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        moved = edit(staff, event, start=local(start), end=local(start + datetime.timedelta(hours=3)))
    told = Notification.objects.filter(kind="event_moved")
    assert sorted(n.recipient.username for n in told) == signed_up  # not the organiser who moved it
    day = formats.date_format(start, "j. F Y")  # "8. december 2026"
    assert {(n.url, n.excerpt) for n in told} == {(moved.url, f"Nyt tidspunkt: {day} kl. 09:00–12:00.")}
    assert sorted(message.to[0] for message in mail.outbox) == sorted(staff[name].email for name in signed_up)


def test_a_new_place_is_told_with_the_place(event, staff, signed_up):
    edit(staff, event, location="Brande Rådhus, lokale 7")
    told = Notification.objects.filter(kind="event_moved")
    assert told.count() == 3
    assert {n.excerpt for n in told} == {"Nyt sted: Brande Rådhus, lokale 7."}


def test_other_changes_are_not_told(event, staff, signed_up):
    edit(staff, event, title="Idéworkshop om frivillighed og foreninger", capacity="5", description="Nyt program.")
    assert not Notification.objects.filter(kind="event_moved").exists()


def test_the_kind_can_be_turned_off_in_the_settings(client, event, staff, signed_up):
    client.force_login(staff["medarbejder"])
    settings_page = client.get("/notifikationer/indstillinger/").content.decode()
    assert "Et arrangement, du er tilmeldt, får nyt tidspunkt eller sted" in settings_page
