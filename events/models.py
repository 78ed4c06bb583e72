"""The workshop calendar: the calendar page, its events and who signed up for them.

Rules (who may create events, signing up with seats and a waiting list) live in ``services``;
the pages route their requests to ``views``, which stay thin.
"""

import calendar
import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, Max, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.search import index

from core import versions
from core.invalidation import PAGES
from core.models import BasePage
from core.names import name_card
from core.pagination import paginate
from core.privacy import visible
from core.tokens import SecretAddressToken
from people import roles
from people.choosers import FilteredPersonCheckboxes
from people.models import PEOPLE_VERSION

MAX_CAPACITY = 1000
CANCELLATION_NOTE_MAX = 1000
LIST, MONTH = "liste", "maaned"
# Change agents and project leads plan workshops; Kommunikation plans other events; superusers anything.
CREATOR_ROLES = (roles.CHANGE_AGENTS, roles.PROJECT_LEADS, roles.COMMUNICATIONS)
# Addresses the calendar page routes itself (``ny/``): no event may take them as its slug.
RESERVED_SLUGS = {"ny"}


class EventIndexPage(BasePage):
    """/kalender/: the upcoming workshops and events as a list (``?visning=liste``) or a month (``?visning=maaned``).

    The form for a new event is at ``/kalender/ny/`` (``events.urls``), as are the events' actions.
    """

    template = "events/event_index_page.html"
    per_page = 20

    # One calendar, directly under the front page; it holds only events.
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("kalender")
        verbose_name_plural = _("kalendere")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        view = MONTH if request.GET.get("visning") == MONTH else LIST
        context.update({"view": view, "can_create": can_create_events(user)})
        events = visible(EventPage.objects.live(), request).descendant_of(self)
        if view == LIST:
            upcoming = listing(events.filter(end__gt=timezone.now()), user)
            page_obj = paginate(request, upcoming, self.per_page)
            context.update({"page_obj": page_obj, "events": page_obj.object_list})
        else:
            context.update(month_view(events, user, request.GET.get("maaned")))
        return context


class EventPage(BasePage):
    """One workshop or event at ``/kalender/<slug>/``; "Tilmeld", "Afmeld", its .ics file and the edit
    form are at addresses below it, served by ``events.urls`` (rules in ``events.services``)."""

    template = "events/event_page.html"

    start = models.DateTimeField(_("starter"))
    end = models.DateTimeField(_("slutter"))
    location = models.CharField(_("sted"), max_length=200)
    project = models.ForeignKey(
        "projects.ProjectPage",
        verbose_name=_("projekt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("Det tema-projekt, workshoppen hører til. Resultatet indsendes under projektet."),
    )
    facilitators = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitatorer"),
        blank=True,
        related_name="facilitated_events",
        limit_choices_to={"groups__name": roles.CHANGE_AGENTS, "is_active": True},
        help_text=_("De forandringsagenter, der leder workshoppen."),
    )
    capacity = models.PositiveIntegerField(
        _("antal pladser"),
        help_text=_("Flere tilmeldte kommer på venteliste og rykker op, når nogen melder fra."),
    )
    description = models.TextField(_("beskrivelse"), max_length=5000, blank=True)
    # The front-end form's hidden token: a double-submitted form makes one event (services.create_event).
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    # Set by "Aflys begivenheden" (services.cancel_event) in a published revision; final once set.
    cancelled_at = models.DateTimeField(_("aflyst"), null=True, blank=True, editable=False)
    cancellation_note = models.TextField(
        _("besked om aflysningen"), max_length=CANCELLATION_NOTE_MAX, blank=True, editable=False
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("location")], _("Tid og sted")
        ),
        PageChooserPanel("project", ["projects.ProjectPage"]),
        FieldPanel("facilitators", widget=FilteredPersonCheckboxes),
        FieldPanel("capacity"),
        FieldPanel("description"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("description"),
        index.SearchField("location"),
        index.FilterField("start"),
    ]

    # Events live only in the calendar and have no children.
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("begivenhed")
        verbose_name_plural = _("begivenheder")
        indexes = [models.Index(fields=["start"], name="events_event_start")]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("Sluttidspunktet skal ligge efter starttidspunktet.")})
        if self.capacity is not None and not 1 <= self.capacity <= MAX_CAPACITY:
            raise ValidationError(
                {"capacity": _("Skriv et antal pladser mellem 1 og %(max)s.") % {"max": MAX_CAPACITY}}
            )

    @property
    def is_over(self):
        return self.end <= timezone.now()

    @property
    def has_started(self):
        return self.start <= timezone.now()

    @property
    def is_cancelled(self):
        return self.cancelled_at is not None

    def get_admin_display_title(self):
        """The admin's explorer, choosers and edit screen say that an event was called off."""
        title = super().get_admin_display_title()
        return _("%(title)s (aflyst)") % {"title": title} if self.is_cancelled else title

    def can_edit(self, user, facilitator_ids=None):
        """Its creator and facilitators (if they may still create events), Kommunikation and superusers."""
        if not user.is_authenticated:
            return False
        if user.is_superuser or roles.has_role(user, roles.COMMUNICATIONS):
            return True
        if not can_create_events(user):
            return False
        if self.owner_id == user.pk:
            return True
        if facilitator_ids is not None:
            return user.pk in facilitator_ids
        return self.facilitators.filter(pk=user.pk).exists()

    def published_parts(self, fresh=False):
        """The facilitators and the project as the page shows them, kept until a page or a person changes."""

        def load():
            facilitators = [
                name_card(person) for person in self.facilitators.order_by("first_name", "last_name", "username")
            ]
            project = self.project
            if project is not None:
                project = {"title": project.title, "url": project.url} if project.live else None
            return {"facilitators": facilitators, "project": project}

        return load() if fresh else versions.cached(("event-page", self.pk), [PAGES, PEOPLE_VERSION], load)

    def registration_summary(self, user):
        """Seats taken, the waiting list and the reader's own sign-up (and place in line), in one query."""
        registrations = Registration.objects.filter(event_id=self.pk)
        mine = registrations.filter(user_id=user.pk)
        my_created = Subquery(mine.values("created_at")[:1])
        my_pk = Subquery(mine.values("pk")[:1])
        ahead = Q(seat__isnull=True) & (Q(created_at__lt=my_created) | Q(created_at=my_created, pk__lt=my_pk))
        summary = registrations.aggregate(
            seats_taken=Count("pk", filter=Q(seat__isnull=False)),
            waiting_count=Count("pk", filter=Q(seat__isnull=True)),
            my_pk=Max("pk", filter=Q(user_id=user.pk)),
            my_seat=Max("seat", filter=Q(user_id=user.pk)),
            my_created=Max("created_at", filter=Q(user_id=user.pk)),
            ahead=Count("pk", filter=ahead),
        )
        registration = None
        if summary["my_pk"] is not None:
            registration = Registration(
                pk=summary["my_pk"], event=self, user=user, seat=summary["my_seat"], created_at=summary["my_created"]
            )
        return summary, registration

    def submission_url(self, facilitators, project_url):
        """``<project-url>indsend/`` with title, date and facilitators filled in (the workshops form reads them)."""
        query = [("titel", self.title), ("dato", timezone.localtime(self.start).date().isoformat())]
        query += [("facilitatorer", person.pk) for person in facilitators]
        return f"{project_url}indsend/?{urlencode(query)}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        summary, mine = self.registration_summary(user)
        parts = self.published_parts(fresh=getattr(request, "is_preview", False))
        facilitators = parts["facilitators"]
        can_edit = self.can_edit(user, facilitator_ids={person.pk for person in facilitators})
        context.update(
            {
                "registration": mine,
                "waiting_position": summary["ahead"] + 1 if mine is not None and mine.is_waiting else None,
                "seats_taken": summary["seats_taken"],
                "waiting_count": summary["waiting_count"],
                "is_full": summary["seats_taken"] >= self.capacity,
                "facilitators": facilitators,
                "project": parts["project"],
                "can_edit": can_edit,
                "can_cancel": can_edit and not self.is_cancelled and not self.has_started,
                "submission_url": (
                    self.submission_url(facilitators, parts["project"]["url"])
                    if self.is_over and parts["project"] and not self.is_cancelled
                    else None
                ),
            }
        )
        return context


class Registration(models.Model):
    """A person's sign-up for an event: a numbered seat, or a place on the waiting list (``seat`` empty).

    The database guards both promises: one sign-up per person and event, and each seat number
    (1 to the capacity, handed out by ``services.sign_up`` under a lock on the event) at most once,
    so an event can never hold more seated people than it has seats.
    """

    event = models.ForeignKey(
        EventPage, verbose_name=_("begivenhed"), on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("bruger"), on_delete=models.CASCADE, related_name="event_registrations"
    )
    seat = models.PositiveIntegerField(_("plads"), null=True, blank=True)
    created_at = models.DateTimeField(_("tilmeldt"), default=timezone.now)

    class Meta:
        verbose_name = _("tilmelding")
        verbose_name_plural = _("tilmeldinger")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="events_one_registration_per_person"),
            models.UniqueConstraint(fields=["event", "seat"], name="events_one_person_per_seat"),
            models.CheckConstraint(condition=Q(seat__isnull=True) | Q(seat__gte=1), name="events_seat_from_one"),
        ]

    def __str__(self):
        return f"{self.user} – {self.event}"

    @property
    def is_waiting(self):
        return self.seat is None

    def waiting_position(self):
        """1 for the first on the waiting list (who moves up when a seat is freed)."""
        ahead = Registration.objects.filter(event_id=self.event_id, seat__isnull=True).filter(
            Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, pk__lt=self.pk)
        )
        return ahead.count() + 1


class CalendarToken(SecretAddressToken):
    """A person's secret address of her iCalendar feed, for calendar programs that cannot log in (``core.tokens``)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("bruger"), on_delete=models.CASCADE, related_name="calendar_token"
    )

    class Meta:
        verbose_name = _("personlig kalender-adresse")
        verbose_name_plural = _("personlige kalender-adresser")


def can_create_events(user):
    return user.is_authenticated and (user.is_superuser or roles.has_role(user, *CREATOR_ROLES))


def with_counts(events, user=None):
    """Annotate events with seats taken, waiting-list length and (for ``user``) her own status."""
    events = events.annotate(
        seats_taken=Count("registrations", filter=Q(registrations__seat__isnull=False), distinct=True),
        waiting_count=Count("registrations", filter=Q(registrations__seat__isnull=True), distinct=True),
    )
    if user is not None and user.is_authenticated:
        mine = Registration.objects.filter(event_id=OuterRef("pk"), user=user)
        events = events.annotate(
            i_have_seat=Exists(mine.filter(seat__isnull=False)), i_am_waiting=Exists(mine.filter(seat__isnull=True))
        )
    return events


def listing(events, user=None):
    """Events soonest first with what a listing shows, in a fixed number of queries."""
    return (
        with_counts(events, user)
        .select_related("project")
        .prefetch_related("facilitators")
        .defer_streamfields()
        .order_by("start", "pk")
    )


# The months the calendar turns to: a year on either side of one of these has a month before and after it.
FIRST_YEAR, LAST_YEAR = 1900, 9998


def _first_of_month(value):
    """``2026-12`` as the first day of that month; this month when missing, malformed or out of range."""
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        if FIRST_YEAR <= year <= LAST_YEAR:
            return datetime.date(year, month, 1)
    except ValueError:
        pass
    return timezone.localdate().replace(day=1)


def _shift(month, delta):
    index = month.year * 12 + month.month - 1 + delta
    return datetime.date(index // 12, index % 12 + 1, 1)


def month_view(events, user, value):
    """The weeks of a month (Monday first), each day with the events starting on it."""
    month = _first_of_month(value)
    first = timezone.make_aware(datetime.datetime.combine(month, datetime.time.min))
    following = timezone.make_aware(datetime.datetime.combine(_shift(month, 1), datetime.time.min))
    in_month = list(listing(events.filter(start__gte=first, start__lt=following), user))
    by_day = {}
    for event in in_month:
        by_day.setdefault(timezone.localtime(event.start).date(), []).append(event)
    today = timezone.localdate()
    weeks = [
        [
            {"date": day, "in_month": day.month == month.month, "today": day == today, "events": by_day.get(day, [])}
            for day in week
        ]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    ]
    return {
        "month": month,
        "weeks": weeks,
        "events": in_month,
        "weekdays": [(WEEKDAYS[day], WEEKDAYS_ABBR[day]) for day in range(7)],
        "previous_month": _shift(month, -1),
        "next_month": _shift(month, 1),
    }
