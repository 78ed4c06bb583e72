"""Demo calendar: the calendar page and upcoming workshops led by the change agents (invented)."""

import datetime

from django.db import transaction
from django.utils import timezone

from .models import EventIndexPage, EventPage

# slug, title, days from today, hour, hours long, place, project slug, facilitators, seats, description
EVENTS = [
    (
        "idevaerksted-frivillige-og-foreninger",
        "Idéværksted: frivillige og foreninger",
        7,
        9,
        3,
        "Ikast Rådhus, mødelokale 2",
        "aktivt-medborgerskab",
        ["forandringsagent", "ahvidberg"],
        16,
        "Sammen med foreningslivet leder vi efter nye måder, borgerne kan tage del i fællesskabet på. "
        "Vi bruger brainwriting og idékort og slutter med at vælge tre idéer, vi vil afprøve.",
    ),
    (
        "fremtidsvaerksted-sund-hverdag",
        "Fremtidsværksted: en sund hverdag",
        14,
        13,
        2,
        "Brande Sundhedscenter",
        "sundhed-i-hverdagen",
        ["lthorsager"],
        12,
        "Kritik, utopi og virkeliggørelse: fremtidsværkstedets tre faser om forebyggelse i borgerens egen hverdag.",
    ),
    (
        "prototyper-af-pap",
        "Prototyper af pap og papir",
        21,
        10,
        2,
        "Innovationslokalet, Ikast Bibliotek",
        "aktivt-medborgerskab",
        ["forandringsagent"],
        3,
        "En kort workshop for kolleger, der vil prøve at bygge en idé i pap, før den koster penge. Få pladser.",
    ),
]


@transaction.atomic
def seed(users, pages, log):
    home = pages["home"]
    calendar = EventIndexPage.objects.first()
    if calendar is None:
        calendar = home.add_child(
            instance=EventIndexPage(
                title="Kalender",
                slug="kalender",
                show_in_menus=True,
                introduction="Kommende idéworkshops og arrangementer i Mental Frikommune. Tilmeld dig her.",
            )
        )
        calendar.save_revision().publish()
        log("  side oprettet: Kalender")
    projects = pages.get("projects") or {}
    today = timezone.localdate()
    events = {}
    for slug, title, days, hour, hours, place, project_slug, facilitators, seats, description in EVENTS:
        event = EventPage.objects.child_of(calendar).filter(slug=slug).first()
        day = today + datetime.timedelta(days=days)
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
        if event is not None and event.end <= timezone.now():
            # Seeded again later: the demo workshops move forward, so the calendar always has upcoming ones.
            event.start, event.end = start, start + datetime.timedelta(hours=hours)
            event.save_revision().publish()
            log(f"  begivenhed flyttet frem: {title}")
        if event is None:
            event = EventPage(
                title=title,
                slug=slug,
                start=start,
                end=start + datetime.timedelta(hours=hours),
                location=place,
                project=projects.get(project_slug),
                capacity=seats,
                description=description,
                owner=users.get(facilitators[0]),
            )
            event.facilitators = [users[name] for name in facilitators if name in users]
            calendar.add_child(instance=event)
            event.save_revision().publish()
            log(f"  begivenhed oprettet: {title}")
        events[slug] = event
    return {"calendar": calendar, "events": events}
