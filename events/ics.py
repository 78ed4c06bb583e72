"""Events as iCalendar (RFC 5545) with the ``icalendar`` package: one event's .ics file and a personal feed."""

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

PRODUCT_ID = "-//Ikast-Brande Kommune//Intranet kalender//DA"


def _calendar(name):
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def _event(event, request, waiting=False):
    item = Event()
    # Stable across edits and hosts, so calendar programs update the entry instead of adding one.
    item.add("uid", f"begivenhed-{event.pk}@intranet.ikast-brande.dk")
    item.add("dtstamp", timezone.now())
    item.add("dtstart", event.start)
    item.add("dtend", event.end)
    summary = event.title
    if event.cancelled_at is not None:
        # Calendar programs that subscribe to the feed mark or remove a cancelled entry.
        summary = _("Aflyst: %(title)s") % {"title": event.title}
        item.add("status", "CANCELLED")
    elif waiting:
        summary = _("Venteliste: %(title)s") % {"title": event.title}
        item.add("status", "TENTATIVE")
    else:
        item.add("status", "CONFIRMED")
    item.add("summary", summary)
    item.add("location", event.location)
    description = event.description or event.introduction or ""
    if event.cancelled_at is not None and event.cancellation_note:
        description = f"{event.cancellation_note}\n\n{description}".strip()
    item.add("description", description)
    item.add("url", request.build_absolute_uri(event.get_url(request)))
    if event.last_published_at:
        item.add("last-modified", event.last_published_at)
    return item


def event_file(event, request):
    """The bytes of one event's .ics file."""
    calendar = _calendar(event.title)
    calendar.add_component(_event(event, request))
    return calendar.to_ical()


def personal_feed(registrations, request):
    """The bytes of a person's feed: every event she has a seat for or waits for."""
    calendar = _calendar(_("Mine tilmeldinger – Ikast-Brande Kommunes intranet"))
    for registration in registrations:
        calendar.add_component(_event(registration.event, request, waiting=registration.seat is None))
    return calendar.to_ical()
