"""Calling an event off from the front end: who may, what the people signed up hear, and what the calendar shows."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import PageLogEntry

from events import services
from events.models import CalendarToken, EventPage, Registration
from notifications.models import Notification
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def login(client, user):
    client.force_login(user)
    return client


def cancel_url(event):
    return f"/kalender/{event.slug}/aflys/"


@pytest.mark.parametrize("name", ["medarbejder", "moderator", "projektleder"])
def test_only_those_who_may_change_the_event_may_call_it_off(client, event, staff, name):
    login(client, staff[name])
    assert client.get(cancel_url(event)).status_code == 403
    assert client.post(cancel_url(event), {"note": "Aflyst"}).status_code == 403
    assert "Aflys begivenheden" not in client.get(event.url).content.decode()
    event.refresh_from_db()
    assert event.cancelled_at is None


def test_the_facilitator_calls_it_off_and_everyone_signed_up_or_waiting_is_told(
    client, event, staff, django_capture_on_commit_callbacks
):
    seated, waiting = [staff["medarbejder"], staff["moderator"]], staff["kommunikation"]
    for person in [*seated, waiting]:
        services.sign_up(event, person)
    agent = login(client, staff["forandringsagent"])
    page = agent.get(event.url).content.decode()
    assert f'href="{cancel_url(event)}"' in page
    confirm = agent.get(cancel_url(event))
    assert confirm.status_code == 200
    assert "3 kolleger er tilmeldt eller står på venteliste" in confirm.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = agent.post(cancel_url(event), {"note": "Facilitatoren er syg. Ny dato følger."}, follow=True)
    assert response.redirect_chain[-1][0] == event.url
    content = response.content.decode()
    assert "er aflyst. 3 tilmeldte har fået besked." in content
    assert "Begivenheden er aflyst" in content and "Facilitatoren er syg. Ny dato følger." in content

    event.refresh_from_db()
    assert event.cancelled_at is not None and event.live
    assert event.cancellation_note == "Facilitatoren er syg. Ny dato følger."
    told = Notification.objects.filter(kind="event_cancelled")
    assert sorted(n.recipient.username for n in told) == ["kommunikation", "medarbejder", "moderator"]
    assert all(n.url == event.url and "Facilitatoren er syg" in n.excerpt for n in told)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(p.email for p in [*seated, waiting])
    # Recorded in Wagtail's audit log as a publication and as the cancellation itself.
    actions = set(PageLogEntry.objects.filter(page=event).values_list("action", flat=True))
    assert {"wagtail.publish", services.CANCELLED} <= actions
    # The sign-ups stay (the personal feeds show the event as cancelled); nobody moves up.
    assert Registration.objects.filter(event=event).count() == 3


def test_a_cancelled_event_takes_no_sign_ups_or_changes_and_cannot_be_called_off_twice(client, event, staff):
    services.cancel_event(event, staff["kommunikation"], "")
    event = EventPage.objects.get(pk=event.pk)
    reader = login(client, staff["medarbejder"])
    page = reader.get(event.url).content.decode()
    assert "Begivenheden er aflyst" in page
    assert f"{event.url}tilmeld/" not in page
    reader.post(event.url + "tilmeld/")
    assert not Registration.objects.filter(event=event).exists()
    with pytest.raises(services.EventCancelled):
        services.sign_up(event, staff["medarbejder"])

    editor = login(client, staff["kommunikation"])
    assert "Ret begivenheden" not in editor.get(event.url).content.decode()
    assert editor.get(f"/kalender/{event.slug}/rediger/").status_code == 302
    assert editor.get(cancel_url(event)).status_code == 302
    with pytest.raises(services.EventCancelled):
        services.cancel_event(event, staff["kommunikation"], "igen")
    assert Notification.objects.filter(kind="event_cancelled").count() == 0


def test_an_event_that_has_started_cannot_be_called_off(client, calendar_page, staff):
    started = EventPageFactory(
        parent=calendar_page,
        title="I gang",
        start=timezone.now() - datetime.timedelta(minutes=5),
        owner=staff["kommunikation"],
    )
    editor = login(client, staff["kommunikation"])
    assert "Aflys begivenheden" not in editor.get(started.url).content.decode()
    assert editor.post(cancel_url(started), {"note": ""}).status_code == 302
    started.refresh_from_db()
    assert started.cancelled_at is None
    with pytest.raises(services.SignUpClosed):
        services.cancel_event(started, staff["kommunikation"])


def test_a_too_long_note_gets_a_danish_error_next_to_the_field_and_nothing_changes(client, event, staff):
    services.sign_up(event, staff["medarbejder"])
    editor = login(client, staff["kommunikation"])
    response = editor.post(cancel_url(event), {"note": "x" * 1001})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Denne værdi må højst have 1000 tegn (den har 1001)." in content
    assert 'class="form-group form-error"' in content and "x" * 1001 in content
    event.refresh_from_db()
    assert event.cancelled_at is None
    assert not Notification.objects.filter(kind="event_cancelled").exists()


def test_calling_off_needs_post_with_csrf(event, staff):
    client = Client(enforce_csrf_checks=True)
    login(client, staff["kommunikation"])
    assert client.post(cancel_url(event), {"note": ""}).status_code == 403
    event.refresh_from_db()
    assert event.cancelled_at is None


def test_the_calendar_the_dashboard_and_the_feeds_say_it_is_cancelled(client, event, calendar_page, project, staff):
    person = staff["medarbejder"]
    services.sign_up(event, person)
    reader = login(client, person)
    # Seen (and kept in the caches) before the cancellation.
    assert "Aflyst" not in reader.get("/kalender/").content.decode()
    reader.get("/")
    services.cancel_event(event, staff["forandringsagent"], "Ny dato følger.")

    calendar = reader.get("/kalender/").content.decode()
    assert 'badge-error">Aflyst</span>' in calendar and "Begivenheden er aflyst. Du var tilmeldt." in calendar
    month = timezone.localtime(event.start).strftime("%Y-%m")
    assert f"Aflyst: {event.title}" in reader.get(f"/kalender/?visning=maaned&maaned={month}").content.decode()
    dashboard = reader.get("/")
    assert [item.event.pk for item in dashboard.context["dashboard"]["events"].items] == [event.pk]
    assert 'badge-error">Aflyst</span>' in dashboard.content.decode()
    assert 'badge-error">Aflyst</span>' in reader.get(project.url).content.decode()

    (item,) = Calendar.from_ical(reader.get(event.url + "ics/").content).walk("VEVENT")
    assert str(item["STATUS"]) == "CANCELLED" and str(item["SUMMARY"]) == f"Aflyst: {event.title}"
    feed = Client().get(f"/feed/kalender/{CalendarToken.for_user(person).token}/")
    (item,) = Calendar.from_ical(feed.content).walk("VEVENT")
    assert str(item["STATUS"]) == "CANCELLED" and "Ny dato følger." in str(item["DESCRIPTION"])


def test_leaving_a_cancelled_event_moves_nobody_up(event, staff):
    for name in ("medarbejder", "moderator", "kommunikation"):
        services.sign_up(event, staff[name])
    services.cancel_event(event, staff["forandringsagent"])
    assert services.cancel(event, staff["medarbejder"]) is None
    assert Registration.objects.get(event=event, user=staff["kommunikation"]).seat is None
    assert not Notification.objects.filter(kind="event_seat").exists()


def test_the_admin_names_a_cancelled_event_as_such(admin_client, event, staff):
    services.cancel_event(event, staff["kommunikation"])
    event = EventPage.objects.get(pk=event.pk)
    assert event.get_admin_display_title() == f"{event.title} (aflyst)"
    listing = admin_client.get(f"/admin/pages/{event.get_parent().pk}/").content.decode()
    assert f"{event.title} (aflyst)" in listing
