"""What the calendar tells people in their notifications: a seat that came free for someone waiting."""

from django.utils.translation import gettext_lazy as _

from notifications import services as notification_services
from notifications.kinds import Kind

SEAT = "event_seat"


def kinds():
    return [
        Kind(
            SEAT,
            _("Plads på et arrangement fra ventelisten"),
            _("Du har fået en plads til “%(title)s”"),
            email_default=True,
            order=70,
        )
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
