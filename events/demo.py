"""Demo calendar, loaded from ``events/fixtures/demo/events.json``: the calendar page and upcoming
workshops led by the (invented) change agents. Dates are offsets from today, so the calendar always
has coming workshops; running the seed twice changes nothing, and a later run moves past ones forward.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from core import demo_data

from .models import EventIndexPage, EventPage


@transaction.atomic
def seed(users, pages, log):
    data = demo_data.load("events", "events")
    calendar = EventIndexPage.objects.first()
    if calendar is None:
        calendar = pages["home"].add_child(instance=EventIndexPage(show_in_menus=True, **data["calendar"]))
        calendar.save_revision().publish()
        log(f"  side oprettet: {calendar.title}")
    projects = pages.get("projects") or {}
    events = {}
    for spec in data["events"]:
        day = timezone.localdate() + datetime.timedelta(days=spec["days_from_today"])
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(spec["hour"])))
        end = start + datetime.timedelta(hours=spec["hours"])
        event = EventPage.objects.child_of(calendar).filter(slug=spec["slug"]).first()
        if event is not None and event.end <= timezone.now():
            event.start, event.end = start, end
            event.save_revision().publish()
            log(f"  begivenhed flyttet frem: {event.title}")
        if event is None:
            facilitators = [users[name] for name in spec["facilitators"] if name in users]
            event = EventPage(
                title=spec["title"],
                slug=spec["slug"],
                start=start,
                end=end,
                location=spec["location"],
                project=projects.get(spec["project"]),
                capacity=spec["capacity"],
                description=spec["description"],
                owner=facilitators[0] if facilitators else None,
            )
            event.facilitators = facilitators
            calendar.add_child(instance=event)
            event.save_revision().publish()
            log(f"  begivenhed oprettet: {event.title}")
        events[spec["slug"]] = event
    return {"calendar": calendar, "events": events}
