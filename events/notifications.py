"""What the calendar tells people in their notifications: a seat that came free for someone waiting,
and an event they signed up for that was called off."""

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from notifications import services as notification_services
from notifications.kinds import Kind

SEAT = "event_seat"
CANCELLED = "event_cancelled"


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


def notify_cancelled(event, people, actor=None):
    """Tell everyone signed up or waiting that the event is called off, with the organiser's note if any."""
    when = formats.date_format(timezone.localtime(event.start), "j. F Y \\k\\l. H:i")
    excerpt = _("Arrangementet %(when)s er aflyst.") % {"when": when}
    if event.cancellation_note:
        excerpt = f"{excerpt} {event.cancellation_note}"
    return notification_services.notify(
        people, CANCELLED, actor=actor, title=event.title, url=event.get_url() or event.url or "/", excerpt=excerpt
    )
