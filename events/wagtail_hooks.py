from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.privacy import visible
from core.tokens import own_address_section

from . import notifications, services
from .models import CalendarToken, EventIndexPage, EventPage, Registration

PROJECT_EVENTS = 5


@hooks.register("people_profile_sections")
def personal_calendar_section(request, person):
    """The secret iCalendar address, on the viewer's own profile only (see people/views.py)."""
    return own_address_section(
        request,
        person,
        CalendarToken,
        "events/profile_calendar_section.html",
        "events:personal_feed",
        "events:regenerate_token",
    )


@hooks.register("person_data_export")
def export_registrations(user):
    """For people/departure.py: the events the person signed up for, and whether a calendar address exists."""
    registrations = Registration.objects.filter(user=user).select_related("event").order_by("event__start", "pk")
    return {
        "event_registrations": [
            {"event": item.event.title, "start": item.event.start.isoformat(), "waiting_list": item.seat is None}
            for item in registrations
        ],
        "calendar_feed_address": CalendarToken.objects.filter(user=user).exists(),
    }


@hooks.register("person_anonymise")
def remove_calendar_address(user):
    """A departed employee's secret calendar address stops working; her seats at coming events go to others."""
    CalendarToken.objects.filter(user=user).delete()
    for registration in Registration.objects.filter(user=user, event__start__gt=timezone.now()).select_related("event"):
        services.cancel(registration.event, user)


@hooks.register("project_page_sections", order=20)
def upcoming_workshops_of_the_project(request, project, limit=PROJECT_EVENTS):
    """The project's coming workshops, on its page (projects/ never imports us).

    The page keeps the section until the first of them ends (``expires``), when the list changes.
    """
    events = (
        visible(EventPage.objects.live(), request)
        .filter(project_id=project.pk, end__gt=timezone.now())
        .defer_streamfields()
        .order_by("start", "pk")
    )
    events = list(events[:limit])
    # The link to the calendar shows only when there is no coming workshop.
    calendar = None if events else EventIndexPage.objects.live().first()
    context = {"events": events, "calendar": calendar}
    expires = min((event.end for event in events), default=None)
    return {"template": "events/project_events_section.html", "context": context, "expires": expires}


@hooks.register("register_notification_kinds")
def event_notification_kinds():
    return notifications.kinds()


@hooks.register("register_log_actions")
def register_event_log_actions(actions):
    actions.register_action(services.CANCELLED, _("Aflyst"), _("Begivenheden er aflyst"))
