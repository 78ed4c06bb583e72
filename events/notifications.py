"""What the calendar tells people in their notifications: a seat that came free for someone waiting,
and an event they signed up for that was moved (a new time or place) or called off."""

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from notifications import services as notification_services
from notifications.kinds import Kind

SEAT = "event_seat"
CANCELLED = "event_cancelled"
MOVED = "event_moved"
# The changes to an event that those signed up are told about: where and when they must be.
MOVING_FIELDS = ("start", "end", "location")
DATE_AND_TIME = "j. F Y \\k\\l. H:i"  # "7. december 2026 kl. 09:00"


def kinds():
    return [
        Kind(
            SEAT,
            _("Plads på et arrangement fra ventelisten"),
            _("Du har fået en plads til “%(title)s”"),
            email_default=True,
            order=70,
        ),
        Kind(
            CANCELLED,
            _("Et arrangement, du er tilmeldt, er aflyst"),
            _("“%(title)s” er aflyst"),
            email_default=True,
            order=71,
        ),
        Kind(
            MOVED,
            _("Et arrangement, du er tilmeldt, får nyt tidspunkt eller sted"),
            _("“%(title)s” har fået nyt tidspunkt eller sted"),
            email_default=True,
            order=72,
        ),
    ]


def notify_moved_up(registrations):
    """Tell each person moved up from the waiting list that she now has a seat (inside the caller's transaction)."""
    made = []
    for registration in registrations:
        event = registration.event
        made += notification_services.notify(
            registration.user,
            SEAT,
            title=event.title,
            url=event.get_url() or event.url or "/",
            excerpt=_("Du stod på ventelisten og har nu plads nr. %(seat)s.") % {"seat": registration.seat},
        )
    return made


def _when(event):
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    when = formats.date_format(start, DATE_AND_TIME)
    if end.date() == start.date():
        return f"{when}–{formats.time_format(end, 'H:i')}"
    return f"{when} – {formats.date_format(end, DATE_AND_TIME)}"


def notify_moved(event, people, changed, actor=None):
    """Tell everyone signed up or waiting that the event has a new time or place (``changed``: field names)."""
    news = []
    if {"start", "end"} & set(changed):
        news.append(_("Nyt tidspunkt: %(when)s.") % {"when": _when(event)})
    if "location" in changed:
        news.append(_("Nyt sted: %(place)s.") % {"place": event.location})
    if not news:
        return []
    url = event.get_url() or event.url or "/"
    return notification_services.notify(people, MOVED, actor=actor, title=event.title, url=url, excerpt=" ".join(news))


def notify_cancelled(event, people, actor=None):
    """Tell everyone signed up or waiting that the event is called off, with the organiser's note if any."""
    when = formats.date_format(timezone.localtime(event.start), DATE_AND_TIME)
    excerpt = _("Arrangementet %(when)s er aflyst.") % {"when": when}
    if event.cancellation_note:
        excerpt = f"{excerpt} {event.cancellation_note}"
    return notification_services.notify(
        people, CANCELLED, actor=actor, title=event.title, url=event.get_url() or event.url or "/", excerpt=excerpt
    )
