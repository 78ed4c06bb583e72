from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """The workshop calendar at /kalender/: events, sign-ups with a waiting list, iCalendar files and feeds."""

    name = "events"
    verbose_name = _("Kalender")
