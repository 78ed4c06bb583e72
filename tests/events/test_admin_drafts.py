"""A change from the front end (an edit, calling the event off) and an editor's unpublished draft in the admin.

The change is published on top of what readers see, never the editor's draft; the draft stays the
latest revision, unpublished, with the change applied to it as well.
"""

import pytest
from django.test import Client
from django.utils import timezone

from events import services
from events.models import EventPage

pytestmark = pytest.mark.django_db


def save_admin_draft(event, user, **fields):
    draft = event.get_latest_revision_as_object()
    for name, value in fields.items():
        setattr(draft, name, value)
    draft.save_revision(user=user)


def edit_form(event, **overrides):
    data = {
        "title": event.title,
        "start": timezone.localtime(event.start).strftime("%Y-%m-%dT%H:%M"),
        "end": timezone.localtime(event.end).strftime("%Y-%m-%dT%H:%M"),
        "location": event.location,
        "project": event.project_id or "",
        "facilitators": [person.pk for person in event.facilitators.all()],
        "capacity": str(event.capacity),
        "description": event.description,
    }
    data.update(overrides)
    return data


def test_calling_off_publishes_the_cancellation_but_not_an_unpublished_draft(event, staff):
    event.save_revision(user=staff["kommunikation"]).publish()
    save_admin_draft(event, staff["kommunikation"], title="Ny titel, ikke godkendt endnu", location="Lokale 7")
    reader = Client()
    reader.force_login(staff["medarbejder"])
    assert "Begivenheden er aflyst" not in reader.get(event.url).content.decode()  # seen, and kept, before

    services.cancel_event(event, staff["forandringsagent"], "Facilitatoren er syg.")

    live = EventPage.objects.get(pk=event.pk)
    assert live.is_cancelled and live.cancellation_note == "Facilitatoren er syg."
    assert live.title == "Idéworkshop om frivillighed" and live.location != "Lokale 7"
    assert live.live_revision.as_object().is_cancelled
    # The editor's draft is kept as the latest revision, still unpublished, and is called off too.
    assert live.has_unpublished_changes and live.latest_revision_id != live.live_revision_id
    draft = live.get_latest_revision_as_object()
    assert (draft.title, draft.location) == ("Ny titel, ikke godkendt endnu", "Lokale 7")
    assert draft.is_cancelled and draft.cancellation_note == "Facilitatoren er syg."
    assert live.draft_title == "Ny titel, ikke godkendt endnu"
    # Readers see the live title, with the cancellation, at once.
    content = reader.get(live.url).content.decode()
    assert "Idéworkshop om frivillighed" in content and "Ny titel" not in content
    assert "Begivenheden er aflyst" in content


def test_an_edit_from_the_front_end_publishes_only_its_own_change_and_keeps_the_draft(client, event, staff):
    event.save_revision(user=staff["kommunikation"]).publish()
    save_admin_draft(event, staff["kommunikation"], description="Et nyt program, som ikke er godkendt endnu.")
    live = EventPage.objects.get(pk=event.pk)

    client.force_login(staff["forandringsagent"])
    assert client.post(live.url + "rediger/", edit_form(live, capacity="9")).status_code == 302

    live.refresh_from_db()
    assert live.capacity == 9 and live.description != "Et nyt program, som ikke er godkendt endnu."
    assert live.has_unpublished_changes
    draft = live.get_latest_revision_as_object()
    assert (draft.capacity, draft.description) == (9, "Et nyt program, som ikke er godkendt endnu.")


def test_without_a_draft_a_change_leaves_nothing_unpublished(client, event, staff):
    event.save_revision(user=staff["kommunikation"]).publish()
    client.force_login(staff["forandringsagent"])
    assert client.post(event.url + "rediger/", edit_form(event, title="Idéworkshop, nyt navn")).status_code == 302
    live = EventPage.objects.get(pk=event.pk)
    assert live.title == "Idéworkshop, nyt navn" and not live.has_unpublished_changes
    assert live.latest_revision_id == live.live_revision_id


def test_the_edit_and_cancel_forms_say_that_a_draft_waits_in_the_admin(client, event, staff):
    event.save_revision(user=staff["kommunikation"]).publish()
    client.force_login(staff["forandringsagent"])
    for url in (event.url + "rediger/", event.url + "aflys/"):
        assert "ikke-udgivet kladde" not in client.get(url).content.decode()
    save_admin_draft(event, staff["kommunikation"], location="Lokale 7")
    edit = client.get(event.url + "rediger/").content.decode()
    assert "Der ligger en ikke-udgivet kladde i administrationen" in edit
    assert "føjes også til kladden, så den ikke går tabt" in edit
    cancel = client.get(event.url + "aflys/").content.decode()
    assert "Aflysningen udgives med det samme og føjes også til kladden." in cancel
