"""The calendar's actions (``events.urls``); the rules are in ``services`` and the models.

The calendar and each event are Wagtail pages (``/kalender/``, ``/kalender/<slug>/``); the addresses
below them that act (``ny/``, ``tilmeld/``, ``afmeld/``, ``ics/``, ``rediger/``, ``aflys/``) are served here.
"""

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import ics, services
from .forms import CancelEventForm, EventForm
from .models import CalendarToken, EventIndexPage, EventPage, Registration, can_create_events


def _calendar_page():
    calendar = EventIndexPage.objects.live().first()
    if calendar is None:
        raise Http404
    return calendar


def _event(slug):
    return get_object_or_404(EventPage.objects.live().public(), slug=slug)


@require_http_methods(["GET", "POST"])
def create_event(request):
    """``/kalender/ny/``: change agents, project leads and Kommunikation plan an event (403 for others)."""
    if not can_create_events(request.user):
        raise PermissionDenied
    calendar = _calendar_page()
    if request.method == "POST":
        form = EventForm(request.POST)
        if form.is_valid():
            event, created = services.create_event(calendar, request.user, form.cleaned_data)
            if created:
                messages.success(request, _("“%(title)s” er oprettet i kalenderen.") % {"title": event.title})
            return redirect(event.url)
        return _render_form(request, calendar, form, status=400)
    return _render_form(request, calendar, EventForm(initial={"token": uuid.uuid4()}))


@require_http_methods(["GET", "POST"])
def edit_event(request, slug):
    """``<event>/rediger/``: its creator, its facilitators and Kommunikation change it."""
    event = _event(slug)
    if not event.can_edit(request.user):
        raise PermissionDenied
    if event.is_cancelled:
        messages.warning(request, _("Begivenheden er aflyst og kan ikke længere rettes."))
        return redirect(event.url)
    seats_taken = Registration.objects.filter(event=event, seat__isnull=False).count()
    calendar = event.get_parent().specific
    if request.method == "POST":
        form = EventForm(request.POST, event=event, seats_taken=seats_taken)
        if form.is_valid():
            try:
                services.update_event(event, request.user, form.cleaned_data)
            except services.EventCancelled:
                messages.warning(request, _("Begivenheden er aflyst og kan ikke længere rettes."))
                return redirect(event.url)
            except services.CapacityBelowSeats as error:
                form.add_error("capacity", form.capacity_error(error.seats_taken))
                return _render_form(request, calendar, form, event=event, status=400)
            messages.success(request, _("Dine ændringer er gemt."))
            return redirect(event.url)
        return _render_form(request, calendar, form, event=event, status=400)
    initial = {
        "title": event.title,
        "start": timezone.localtime(event.start),
        "end": timezone.localtime(event.end),
        "location": event.location,
        "project": event.project_id,
        "facilitators": list(event.facilitators.all()),
        "capacity": event.capacity,
        "description": event.description,
    }
    form = EventForm(initial=initial, event=event, seats_taken=seats_taken)
    return _render_form(request, calendar, form, event=event)


@require_http_methods(["GET", "POST"])
def cancel_event(request, slug):
    """``<event>/aflys/``: those who may change the event call it off, with a note to everyone signed up."""
    event = _event(slug)
    if not event.can_edit(request.user):
        raise PermissionDenied
    if event.is_cancelled:
        messages.info(request, _("Begivenheden er allerede aflyst."))
        return redirect(event.url)
    if event.has_started:
        messages.warning(request, _("Begivenheden er begyndt og kan ikke aflyses."))
        return redirect(event.url)
    form = CancelEventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            told = services.cancel_event(event, request.user, form.cleaned_data["note"])
        except services.EventCancelled:
            messages.info(request, _("Begivenheden er allerede aflyst."))
        except services.SignUpClosed:
            messages.warning(request, _("Begivenheden er begyndt og kan ikke aflyses."))
        else:
            told_text = (
                ngettext(
                    "“%(title)s” er aflyst. %(count)s tilmeldt har fået besked.",
                    "“%(title)s” er aflyst. %(count)s tilmeldte har fået besked.",
                    told,
                )
                if told
                else _("“%(title)s” er aflyst. Ingen andre var tilmeldt.")
            )
            messages.success(request, told_text % {"title": event.title, "count": told})
        return redirect(event.url)
    signed_up = Registration.objects.filter(event=event).exclude(user=request.user).count()
    context = {"form": form, "event": event, "calendar": event.get_parent().specific, "signed_up": signed_up}
    return render(request, "events/event_cancel.html", context, status=400 if form.errors else 200)


def _render_form(request, calendar, form, event=None, status=200):
    context = {"form": form, "calendar": calendar, "event": event}
    return render(request, "events/event_form.html", context, status=status)


@require_POST
def sign_up(request, slug):
    event = _event(slug)
    try:
        registration, created = services.sign_up(event, request.user)
    except services.EventCancelled:
        messages.warning(request, _("Begivenheden er aflyst."))
        return redirect(event.url)
    except services.SignUpClosed:
        messages.warning(request, _("Tilmeldingen er lukket: begivenheden er begyndt."))
        return redirect(event.url)
    if registration.seat is None:
        messages.info(request, _("Alle pladser er taget. Du står på ventelisten og rykker op, hvis nogen melder fra."))
    elif created:
        messages.success(request, _("Du er tilmeldt “%(title)s”.") % {"title": event.title})
    return redirect(event.url)


@require_POST
def cancel(request, slug):
    event = _event(slug)
    try:
        services.cancel(event, request.user)
    except services.SignUpClosed:
        messages.warning(request, _("Du kan ikke melde fra: begivenheden er begyndt."))
        return redirect(event.url)
    messages.success(request, _("Du er meldt fra “%(title)s”.") % {"title": event.title})
    return redirect(event.url)


def _calendar_response(content, disposition):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = disposition
    # Personal content (the feed's address is a secret): no shared caches.
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def event_ics(request, slug):
    event = _event(slug)
    return _calendar_response(ics.event_file(event, request), f'attachment; filename="{event.slug}.ics"')


@require_GET
def personal_feed(request, token):
    """What the person signed up for, at her secret address; reachable without login (``/feed/``)."""
    calendar_token = CalendarToken.of_active_person(token)
    if calendar_token is None:
        raise Http404
    content = ics.personal_feed(services.registrations_of(calendar_token.user), request)
    response = _calendar_response(content, 'inline; filename="mine-tilmeldinger.ics"')
    response["X-Robots-Tag"] = "noindex"
    return response


@require_POST
def regenerate_token(request):
    """A new secret calendar address for the logged-in user; the old one stops working at once."""
    CalendarToken.for_user(request.user).regenerate()
    messages.success(request, _("Du har fået en ny kalender-adresse. Den gamle virker ikke længere."))
    return redirect("people:profile", username=request.user.get_username())
