"""The workshop calendar: pages, who may create events, sign-ups with a waiting list, iCalendar files and feeds."""

import datetime
import uuid

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar
from wagtail.test.utils import WagtailPageTestCase

from events import services
from events.models import CalendarToken, EventIndexPage, EventPage, Registration
from home.models import HomePage
from tests.factories import EventPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def login(client, user):
    client.force_login(user)
    return client


def form_data(project=None, facilitators=(), **overrides):
    start = timezone.localtime() + datetime.timedelta(days=10)
    data = {
        "title": "Fremtidsværksted om ældreplejen",
        "start": start.strftime("%Y-%m-%dT%H:%M"),
        "end": (start + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "location": "Ikast Rådhus, lokale 3",
        "project": project.pk if project else "",
        "facilitators": [person.pk for person in facilitators],
        "capacity": "12",
        "description": "Vi arbejder med fremtidsværkstedets tre faser.",
        "token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


# --- Page tree ---------------------------------------------------------------------------
class TestPageTree(WagtailPageTestCase):
    def test_the_calendar_sits_under_the_front_page_and_holds_only_events(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedSubpageTypes(EventPage, set())


def test_calendar_and_event_are_routable_and_in_the_main_menu(client, event, staff):
    login(client, staff["medarbejder"])
    response = client.get("/kalender/")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'href="/kalender/"' in content and "Kalender</span>" in content
    assert event.title in content and "Frida Agerskov" in content and "Aktivt medborgerskab" in content
    assert "0 af 2 pladser taget" in content
    response = client.get(event.url)
    assert response.status_code == 200
    assert "Tilmeld" in response.content.decode()


def test_one_seat_is_one_seat(client, calendar_page, staff):
    single = EventPageFactory(parent=calendar_page, title="Samtale med borgmesteren", capacity=1)
    login(client, staff["medarbejder"])
    for url in ("/kalender/", single.url):
        content = client.get(url).content.decode()
        assert "0 af 1 plads taget" in content and "0 af 1 pladser" not in content


def test_the_calendar_is_behind_the_login(client, event):
    assert client.get("/kalender/").status_code == 302
    assert client.get(event.url).status_code == 302


def test_the_month_view_shows_the_events_of_the_month(client, event, calendar_page, staff):
    login(client, staff["medarbejder"])
    month = timezone.localtime(event.start).strftime("%Y-%m")
    response = client.get(f"/kalender/?visning=maaned&maaned={month}")
    assert response.status_code == 200
    assert event in response.context["events"]
    assert 'aria-current="page">Måned' in response.content.decode()
    other = timezone.localtime(event.start) + datetime.timedelta(days=62)
    response = client.get(f"/kalender/?visning=maaned&maaned={other:%Y-%m}")
    assert response.context["events"] == []
    # A malformed month shows this month instead of failing.
    assert client.get("/kalender/?visning=maaned&maaned=abc").status_code == 200
    for odd in ("2026-13", "9999-12", "0001-01", "10000-01", "-1-01", "2026-0"):
        assert client.get(f"/kalender/?visning=maaned&maaned={odd}").status_code == 200, odd


def test_past_events_leave_the_list(client, calendar_page, staff):
    past = EventPageFactory(
        parent=calendar_page,
        title="Forbi",
        start=timezone.now() - datetime.timedelta(days=3),
        end=timezone.now() - datetime.timedelta(days=3, hours=-2),
    )
    login(client, staff["medarbejder"])
    assert past not in client.get("/kalender/").context["events"]


# --- Who may create events ---------------------------------------------------------------
@pytest.mark.parametrize("name", ["forandringsagent", "projektleder", "kommunikation"])
def test_change_agents_and_project_leads_create_events(client, calendar_page, project, staff, name):
    login(client, staff[name])
    assert "Opret en workshop eller begivenhed" in client.get("/kalender/").content.decode()
    assert client.get("/kalender/ny/").status_code == 200
    response = client.post("/kalender/ny/", form_data(project, [staff["forandringsagent"]]))
    event = EventPage.objects.get(title="Fremtidsværksted om ældreplejen")
    assert response.status_code == 302 and response["Location"] == event.url
    assert event.live and event.owner == staff[name] and event.project == project
    assert list(event.facilitators.all()) == [staff["forandringsagent"]]


@pytest.mark.parametrize("name", ["medarbejder", "moderator"])
def test_others_may_not_create_events(client, calendar_page, staff, name):
    login(client, staff[name])
    assert "Opret en workshop" not in client.get("/kalender/").content.decode()
    assert client.get("/kalender/ny/").status_code == 403
    assert client.post("/kalender/ny/", form_data()).status_code == 403
    assert not EventPage.objects.exists()


def test_a_double_submitted_form_makes_one_event(client, calendar_page, staff):
    login(client, staff["forandringsagent"])
    data = form_data()
    client.post("/kalender/ny/", data)
    client.post("/kalender/ny/", data)
    assert EventPage.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": ""}, "title", "Dette felt er påkrævet."),
        ({"capacity": "0"}, "capacity", "1"),
        ({"start": "2012-01-01T10:00", "end": "2012-01-01T12:00"}, "start", "Starttidspunktet skal ligge i fremtiden."),
        ({"end": "2000-01-01T10:00"}, "end", "Sluttidspunktet skal ligge efter starttidspunktet."),
    ],
)
def test_bad_input_gets_a_danish_error_next_to_the_field_and_saves_nothing(
    client, calendar_page, staff, overrides, field, message
):
    login(client, staff["forandringsagent"])
    response = client.post("/kalender/ny/", form_data(**overrides))
    assert response.status_code == 400
    assert any(message in error for error in response.context["form"].errors[field])
    assert "Fremtidsværksted" in response.content.decode() or field == "title"
    assert not EventPage.objects.exists()


def test_script_in_text_is_shown_as_text(client, calendar_page, staff):
    login(client, staff["forandringsagent"])
    client.post("/kalender/ny/", form_data(title="<script>alert(1)</script>", description="<b>fed</b>"))
    event = EventPage.objects.get()
    content = client.get(event.url).content.decode()
    assert "<script>alert(1)</script>" not in content and "&lt;script&gt;" in content
    assert "<b>fed</b>" not in content


def test_the_creator_edits_and_others_may_not(client, event, staff):
    event.owner = staff["projektleder"]
    event.save()
    login(client, staff["medarbejder"])
    assert client.get(event.url + "rediger/").status_code == 403
    login(client, staff["projektleder"])
    assert "Ret begivenheden" in client.get(event.url).content.decode()
    data = form_data(title="Nyt navn", capacity="5")
    data["start"] = timezone.localtime(event.start).strftime("%Y-%m-%dT%H:%M")
    data["end"] = timezone.localtime(event.end).strftime("%Y-%m-%dT%H:%M")
    response = client.post(event.url + "rediger/", data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title, event.capacity) == ("Nyt navn", 5)


def test_capacity_cannot_drop_below_the_seats_taken_and_more_seats_move_people_up(client, event, staff):
    for name in ("medarbejder", "moderator", "kommunikation"):
        services.sign_up(event, staff[name])
    login(client, staff["kommunikation"])
    data = form_data(capacity="1")
    data["start"] = timezone.localtime(event.start).strftime("%Y-%m-%dT%H:%M")
    data["end"] = timezone.localtime(event.end).strftime("%Y-%m-%dT%H:%M")
    response = client.post(event.url + "rediger/", data)
    assert response.status_code == 400
    assert "2 har allerede en plads" in response.context["form"].errors["capacity"][0]
    data["capacity"] = "3"
    assert client.post(event.url + "rediger/", data).status_code == 302
    assert Registration.objects.get(event=event, user=staff["kommunikation"]).seat == 3


# --- Signing up --------------------------------------------------------------------------
def test_sign_up_then_waiting_list_then_moving_up(client, event, staff):
    first, second, third = staff["medarbejder"], staff["moderator"], staff["kommunikation"]
    for person in (first, second):
        response = login(client, person).post(event.url + "tilmeld/")
        assert response.status_code == 302
    login(client, third)
    assert "Tilmeld mig ventelisten" in client.get(event.url).content.decode()
    client.post(event.url + "tilmeld/")
    assert Registration.objects.get(event=event, user=third).seat is None
    assert "Du er nr. 1 på ventelisten" in client.get(event.url).content.decode()

    login(client, first).post(event.url + "afmeld/")
    assert not Registration.objects.filter(event=event, user=first).exists()
    assert Registration.objects.get(event=event, user=third).seat is not None
    assert Registration.objects.filter(event=event, seat__isnull=False).count() == 2
    # The person moved up hears of it in her notifications; nobody else does.
    from notifications.models import Notification

    (notification,) = Notification.objects.filter(kind="event_seat")
    assert notification.recipient == third and notification.url == event.url


def test_signing_up_twice_keeps_one_registration(client, event, staff):
    login(client, staff["medarbejder"])
    client.post(event.url + "tilmeld/")
    client.post(event.url + "tilmeld/")
    assert Registration.objects.filter(event=event, user=staff["medarbejder"]).count() == 1
    assert "Afmeld" in client.get(event.url).content.decode()


def test_the_database_refuses_a_second_registration_and_a_shared_seat(event, staff):
    Registration.objects.create(event=event, user=staff["medarbejder"], seat=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(event=event, user=staff["medarbejder"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(event=event, user=staff["moderator"], seat=1)


def test_sign_up_needs_post_and_csrf_and_closes_when_the_event_starts(event, calendar_page, staff):
    client = Client(enforce_csrf_checks=True)
    login(client, staff["medarbejder"])
    assert client.get(event.url + "tilmeld/").status_code == 405
    assert client.post(event.url + "tilmeld/").status_code == 403
    started = EventPageFactory(
        parent=calendar_page, title="I gang", start=timezone.now() - datetime.timedelta(minutes=5)
    )
    with pytest.raises(services.SignUpClosed):
        services.sign_up(started, staff["medarbejder"])
    assert not Registration.objects.exists()


# --- After the workshop: "Indsend resultat" ------------------------------------------------
def test_after_the_workshop_the_event_links_to_a_prefilled_submission_form(client, calendar_page, project, staff):
    start = timezone.now() - datetime.timedelta(days=2)
    event = EventPageFactory(
        parent=calendar_page,
        title="Afholdt workshop",
        start=start,
        end=start + datetime.timedelta(hours=2),
        project=project,
        facilitators=[staff["forandringsagent"]],
    )
    login(client, staff["medarbejder"])
    response = client.get(event.url)
    url = response.context["submission_url"]
    assert url.startswith(project.url + "indsend/?") and "Indsend resultat" in response.content.decode()
    form = client.get(url).context["form"]
    assert form.initial["workshop_date"] == timezone.localtime(start).date()
    assert form.initial["facilitators"] == [staff["forandringsagent"].pk]
    assert form.initial["title"] == "Afholdt workshop"
    content = client.get(url).content.decode()
    assert f'value="{staff["forandringsagent"].pk}"' in content and "checked" in content


def test_before_the_workshop_there_is_no_submission_link(client, event, staff):
    login(client, staff["medarbejder"])
    response = client.get(event.url)
    assert response.context["submission_url"] is None
    assert "Indsend resultat" not in response.content.decode()


# --- iCalendar ---------------------------------------------------------------------------
def test_each_event_has_an_ics_file_a_parser_reads(client, event, staff):
    login(client, staff["medarbejder"])
    response = client.get(event.url + "ics/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    (item,) = calendar.walk("VEVENT")
    assert str(item["SUMMARY"]) == event.title
    assert str(item["LOCATION"]) == event.location
    assert item.decoded("DTSTART") == event.start.replace(microsecond=0)
    assert item.decoded("DTEND") == event.end.replace(microsecond=0)
    assert str(item["UID"]) == f"begivenhed-{event.pk}@intranet.ikast-brande.dk"
    assert str(item["URL"]).endswith(event.url)


def test_the_personal_feed_lists_what_i_signed_up_for_at_a_secret_address(client, event, calendar_page, staff):
    other = EventPageFactory(parent=calendar_page, title="Ikke for mig")
    person = staff["medarbejder"]
    services.sign_up(event, staff["moderator"])
    services.sign_up(event, staff["kommunikation"])
    services.sign_up(event, person)  # full: waiting list
    token = CalendarToken.for_user(person).token
    anonymous = Client()
    response = anonymous.get(f"/feed/kalender/{token}/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    summaries = [str(item["SUMMARY"]) for item in calendar.walk("VEVENT")]
    assert summaries == [f"Venteliste: {event.title}"]
    assert other.title not in response.content.decode()
    assert str(calendar.walk("VEVENT")[0]["STATUS"]) == "TENTATIVE"


def test_a_wrong_or_regenerated_feed_address_is_a_404(client, event, staff):
    person = staff["medarbejder"]
    token = CalendarToken.for_user(person).token
    assert Client().get("/feed/kalender/forkert/").status_code == 404
    login(client, person)
    profile = client.get(f"/personer/{person.username}/").content.decode()
    assert f"/feed/kalender/{token}/" in profile
    assert client.post("/kalenderfeed/ny-adresse/").status_code == 302
    assert Client().get(f"/feed/kalender/{token}/").status_code == 404
    new_token = CalendarToken.objects.get(user=person).token
    assert Client().get(f"/feed/kalender/{new_token}/").status_code == 200


def test_someone_elses_profile_shows_no_calendar_address(client, staff):
    login(client, staff["medarbejder"])
    assert "/feed/kalender/" not in client.get("/personer/moderator/").content.decode()


def test_leaving_frees_the_seat_for_the_waiting_list(event, staff):
    from people import departure

    services.sign_up(event, staff["medarbejder"])
    services.sign_up(event, staff["moderator"])
    services.sign_up(event, staff["kommunikation"])
    export = departure.export_person(staff["medarbejder"])
    assert export["event_registrations"] == [
        {"event": event.title, "start": event.start.isoformat(), "waiting_list": False}
    ]
    departure.anonymise_person(staff["medarbejder"])
    assert not Registration.objects.filter(user=staff["medarbejder"]).exists()
    assert Registration.objects.get(event=event, user=staff["kommunikation"]).seat is not None


# --- Constant queries --------------------------------------------------------------------
def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response


def grow(calendar_page, project, facilitators, events, people_per_event, start=0):
    people = [UserFactory(username=f"deltager{n}") for n in range(people_per_event)]
    for n in range(start, start + events):
        event = EventPageFactory(
            parent=calendar_page,
            title=f"Workshop nr. {n}",
            capacity=max(people_per_event // 2, 1),
            project=project,
            start=timezone.now() + datetime.timedelta(days=1 + n % 20, hours=n),
            facilitators=facilitators,
        )
        for person in people:
            services.sign_up(event, person)
    return event


def test_calendar_and_event_queries_do_not_grow_with_events_and_sign_ups(client, calendar_page, project, staff):
    login(client, staff["medarbejder"])
    facilitators = [staff["forandringsagent"], staff["projektleder"]]
    event = grow(calendar_page, project, facilitators, events=2, people_per_event=2)
    services.sign_up(event, staff["medarbejder"])
    month = timezone.localtime(event.start).strftime("%Y-%m")
    urls = ["/kalender/", f"/kalender/?visning=maaned&maaned={month}", event.url]
    few = [count_queries(client, url)[0] for url in urls]
    big = grow(calendar_page, project, facilitators, events=30, people_per_event=12, start=2)
    services.sign_up(big, staff["medarbejder"])
    many = [count_queries(client, url)[0] for url in urls]
    assert len(count_queries(client, "/kalender/")[1].context["events"]) == 20
    assert few == many
    assert count_queries(client, big.url)[0] == few[2]


def test_the_project_page_lists_its_coming_workshops(client, event, project, staff):
    login(client, staff["medarbejder"])
    content = client.get(project.url).content.decode()
    assert 'id="events-heading"' in content and event.title in content


def test_the_editor_offers_only_change_agents_as_facilitators(calendar_page, staff):
    form_class = EventPage.get_edit_handler().get_form_class()
    form = form_class(instance=EventPage(), parent_page=calendar_page, for_user=staff["kommunikation"])
    choices = set(form.fields["facilitators"].queryset)
    assert staff["forandringsagent"] in choices
    assert staff["medarbejder"] not in choices and staff["projektleder"] not in choices


def test_seats_taken_while_the_edit_form_was_open_keep_the_capacity(event, staff):
    """The form checked the capacity before two people took the seats: the service refuses, nothing is saved."""
    services.sign_up(event, staff["medarbejder"])
    services.sign_up(event, staff["moderator"])
    data = {
        "title": "Mindre hold",
        "start": event.start,
        "end": event.end,
        "location": event.location,
        "project": None,
        "facilitators": [],
        "capacity": 1,
        "description": "",
    }
    with pytest.raises(services.CapacityBelowSeats):
        services.update_event(event, staff["kommunikation"], data)
    event.refresh_from_db()
    assert (event.title, event.capacity) == ("Idéworkshop om frivillighed", 2)


def test_the_dashboard_lists_my_coming_sign_ups_in_constant_queries(client, event, calendar_page, project, staff):
    person = staff["medarbejder"]
    services.sign_up(event, person)
    login(client, person)
    few, response = count_queries(client, "/")
    assert [item.event for item in response.context["dashboard"]["events"].items] == [event]
    assert 'id="my-events-heading"' in response.content.decode()
    for n in range(12):
        services.sign_up(EventPageFactory(parent=calendar_page, title=f"Senere {n}", project=project), person)
    many, response = count_queries(client, "/")
    assert response.context["dashboard"]["events"].has_more
    assert few == many


# --- Every calendar page, for every role, within the budget ------------------------------------------
def calendar_pages(world, role):
    creates = role in ("forandringsagent", "projektleder", "kommunikation")
    month = timezone.localtime(world.event.start).strftime("%Y-%m")
    return {
        "calendar": ("/kalender/", 200),
        "month": (f"/kalender/?visning=maaned&maaned={month}", 200),
        "event": (world.event.url, 200),
        "new event form": ("/kalender/ny/", 200 if creates else 403),
        "edit form": (
            f"/kalender/{world.event.slug}/rediger/",
            200 if role in ("forandringsagent", "kommunikation") else 403,
        ),
        "cancel form": (
            f"/kalender/{world.event.slug}/aflys/",
            200 if role in ("forandringsagent", "kommunikation") else 403,
        ),
    }


def test_calendar_pages_stay_within_the_budget_for_every_role_at_two_sizes(client, home_page, role_groups):
    from ..page_world import World, counts_for_roles

    world = World(home_page)
    few = counts_for_roles(client, world.grow(2), calendar_pages)
    many = counts_for_roles(client, world.grow(5), calendar_pages)
    assert many == few
