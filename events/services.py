"""The calendar's rules: who creates events, signing up and cancelling with seats and a waiting list,
and calling an event off.

Signing up and cancelling take a lock on the event's row (``select_for_update``; on SQLite the
IMMEDIATE transactions of ``settings.DATABASES`` serialise writers), so two people pressing
"Tilmeld" for the last seat at once get one seat and one waiting place. The unique constraints
on ``Registration`` hold even if that lock were missed: one person once per event, each seat once.
"""

import datetime
import logging

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from core.text import free_child_slug

from .models import RESERVED_SLUGS, EventPage, Registration, can_create_events
from .notifications import MOVING_FIELDS, notify_cancelled, notify_moved, notify_moved_up

# The audit log's name for calling an event off (registered in wagtail_hooks).
CANCELLED = "events.cancel"

logger = logging.getLogger(__name__)


class SignUpClosed(Exception):
    """The event has started: sign-ups and cancellations are over."""


class EventCancelled(Exception):
    """The event has been called off: no sign-ups, no changes, no second cancellation."""


class CapacityBelowSeats(Exception):
    """More people took a seat since the form was opened than the new capacity allows."""

    def __init__(self, seats_taken):
        super().__init__(seats_taken)
        self.seats_taken = seats_taken


def unique_slug(parent, title):
    return free_child_slug(parent, title, "begivenhed", RESERVED_SLUGS)


FIELDS = ("title", "start", "end", "location", "project", "capacity", "description")


def _apply(event, data):
    for name in FIELDS:
        setattr(event, name, data[name])
    event.facilitators = list(data["facilitators"])


def _same(old, new):
    if isinstance(old, datetime.datetime) and isinstance(new, datetime.datetime):
        return old.replace(second=0, microsecond=0) == new.replace(second=0, microsecond=0)  # the form's precision
    return old == new


def _changes(event, data):
    """The fields of the form ``data`` that differ from the page ``event`` (name → new value)."""
    changes = {name: data[name] for name in FIELDS if not _same(getattr(event, name), data[name])}
    if {person.pk for person in event.facilitators.all()} != {person.pk for person in data["facilitators"]}:
        changes["facilitators"] = list(data["facilitators"])
    return changes


def _publish_change(live, user, changes):
    """Publish ``changes`` (field name → value) on top of what readers see now; returns ``live``.

    ``live`` is the page as its row holds it, which is the live content (a draft lives only in its
    revision). An editor's unpublished draft in the admin is neither published by a change from the
    front end nor lost: it gets the same changes and stays the latest revision, still a draft.
    """
    draft = live.get_latest_revision_as_object() if live.has_unpublished_changes else None
    for page in (live, draft):
        if page is None:
            continue
        for name, value in changes.items():
            setattr(page, name, value)
    live.save_revision(user=user, log_action=True).publish(user=user, skip_permission_checks=True)
    if draft is not None:
        draft.save_revision(user=user, log_action=True)
    return live


def create_event(calendar, user, data):
    """Publish a new event under the calendar, owned by ``user``; returns ``(event, created)``.

    The form's token makes a repeated POST return the event the first one created.
    """
    if not can_create_events(user):
        raise PermissionDenied
    token = data.get("token")
    existing = EventPage.objects.filter(submission_token=token).first() if token else None
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            event = EventPage(owner=user, submission_token=token, slug=unique_slug(calendar, data["title"]))
            _apply(event, data)
            calendar.add_child(instance=event)
            event.save_revision(user=user, log_action=True).publish(user=user, skip_permission_checks=True)
    except IntegrityError:
        existing = EventPage.objects.filter(submission_token=token).first() if token else None
        if existing is None:
            raise
        return existing, False
    event.refresh_from_db()
    return event, True


def update_event(event, user, data):
    """Publish the fields that changed (``_publish_change``); more seats move people up from the waiting list.

    A new time or place is told to everyone signed up or waiting (``notify_moved``), not the one who made it.
    """
    with transaction.atomic():
        locked = _locked_for_change(event, user)
        seats_taken = Registration.objects.filter(event=locked, seat__isnull=False).count()
        if data["capacity"] < seats_taken:
            raise CapacityBelowSeats(seats_taken)
        live = EventPage.objects.get(pk=event.pk)
        changes = _changes(live, data)
        page = _publish_change(live, user, changes)
        _fill_free_seats(locked, data["capacity"])
        moved = [name for name in MOVING_FIELDS if name in changes]
        if moved:
            registrations = Registration.objects.filter(event=locked).select_related("user").order_by("pk")
            notify_moved(page, [registration.user for registration in registrations], moved, actor=user)
    return page


def _fill_free_seats(event, capacity):
    """After a change of capacity: seats above it move to free numbers below it, then waiting people move up."""
    seated = list(Registration.objects.filter(event=event, seat__isnull=False).order_by("seat"))
    taken = {registration.seat for registration in seated if registration.seat <= capacity}
    free = [number for number in range(1, capacity + 1) if number not in taken]
    for registration in seated:
        if registration.seat > capacity:
            registration.seat = free.pop(0)
            registration.save(update_fields=["seat"])
    waiting = list(
        Registration.objects.filter(event=event, seat__isnull=True).order_by("created_at", "pk")[: len(free)]
    )
    moved = []
    for registration, seat in zip(waiting, free, strict=False):
        registration.seat = seat
        registration.save(update_fields=["seat"])
        moved.append(registration)
    notify_moved_up(moved)
    return moved


def _locked(event):
    return (
        EventPage.objects.select_for_update(of=("self",))
        .only("pk", "capacity", "start", "cancelled_at")
        .get(pk=event.pk)
    )


def _locked_for_change(event, user):
    """Inside the caller's transaction: the event's row, locked for a change by ``user``.

    Only those who may edit the event change it (``PermissionDenied``), and never once it is called off.
    """
    if not event.can_edit(user):
        raise PermissionDenied
    locked = _locked(event)
    if locked.cancelled_at is not None:
        raise EventCancelled
    return locked


def sign_up(event, user):
    """Sign ``user`` up: the lowest free seat, or the waiting list when every seat is taken.

    Returns ``(registration, created)``; signing up twice returns the existing registration.
    """
    try:
        with transaction.atomic():
            locked = _locked(event)
            if locked.cancelled_at is not None:
                raise EventCancelled
            if locked.start <= timezone.now():
                raise SignUpClosed
            existing = Registration.objects.filter(event=locked, user=user).first()
            if existing is not None:
                return existing, False
            taken = set(Registration.objects.filter(event=locked, seat__isnull=False).values_list("seat", flat=True))
            seat = next((number for number in range(1, locked.capacity + 1) if number not in taken), None)
            return Registration.objects.create(event=locked, user=user, seat=seat), True
    except IntegrityError:
        # Only reachable if the lock was bypassed; the constraint kept the data right.
        logger.warning("Simultaneous sign-up for event %s by user %s met a constraint", event.pk, user.pk)
        return Registration.objects.get(event=event, user=user), False


def cancel(event, user):
    """Cancel ``user``'s sign-up; a freed seat goes to the first on the waiting list.

    Returns the registration moved up from the waiting list, or None. Leaving an event that was
    called off removes the sign-up and moves nobody up.
    """
    with transaction.atomic():
        locked = _locked(event)
        if locked.start <= timezone.now():
            raise SignUpClosed
        registration = Registration.objects.filter(event=locked, user=user).first()
        if registration is None:
            return None
        seat = registration.seat
        registration.delete()
        if seat is None or locked.cancelled_at is not None:
            return None
        first_waiting = (
            Registration.objects.filter(event=locked, seat__isnull=True).order_by("created_at", "pk").first()
        )
        if first_waiting is None:
            return None
        first_waiting.seat = seat
        first_waiting.save(update_fields=["seat"])
        notify_moved_up([first_waiting])
        return first_waiting


def cancel_event(event, user, note=""):
    """Call the event off: a published revision marks it cancelled (``_publish_change``), and everyone
    with a seat or on the waiting list is told (notification and e-mail, ``notify_cancelled``) with ``note``.

    The sign-ups stay, so the personal calendar feeds show the event as cancelled (``ics``).
    Returns the number of people told (not the one calling it off). Raises ``EventCancelled`` for
    an event already called off and ``SignUpClosed`` for one that has started.
    """
    with transaction.atomic():
        locked = _locked_for_change(event, user)
        if locked.start <= timezone.now():
            raise SignUpClosed
        live = EventPage.objects.get(pk=event.pk)
        page = _publish_change(live, user, {"cancelled_at": timezone.now(), "cancellation_note": note.strip()})
        log(page, CANCELLED, user=user, data={"note": page.cancellation_note})
        registrations = Registration.objects.filter(event=locked).exclude(user=user).select_related("user")
        people = [registration.user for registration in registrations.order_by("pk")]
        notify_cancelled(page, people, actor=user)
    return len(people)


def registrations_of(user):
    """The user's sign-ups for live events, soonest first (for her iCalendar feed)."""
    return (
        Registration.objects.filter(user=user, event__live=True)
        .select_related("event", "event__project")
        .order_by("event__start", "pk")
    )
