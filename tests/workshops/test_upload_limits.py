"""Per outcome at most 10 attachments and 50 MB in all; per person at most 20 outcomes an hour."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from workshops import services
from workshops.models import OutcomeAttachment, WorkshopOutcomePage

from .conftest import form_data

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% workshop\n"


def pdf(name, size=0):
    return SimpleUploadedFile(name, PDF + b"0" * max(size - len(PDF), 0), content_type="application/pdf")


def attachment_error(response):
    """The error shown next to the file field (DKFDS: in the field's form-group, with the field's id)."""
    content = response.content.decode()
    start = content.find('id="id_attachments_error1"')
    return content[start : start + 400] if start >= 0 else ""


def post(client, project, people, files, title="Idéer til frivillighed"):
    data = form_data(people["forandringsagent"], title=title)
    data["attachments"] = files
    return client.post(project.url + "indsend/", data)


def test_eleven_attachments_are_refused_next_to_the_field_and_nothing_is_stored(client, project, people):
    client.force_login(people["medarbejder"])
    response = post(client, project, people, [pdf(f"bilag{number}.pdf") for number in range(11)])
    assert response.status_code == 400
    assert "højst have 10 vedhæftede filer" in attachment_error(response)
    assert 'value="Idéer til frivillighed"' in response.content.decode()  # the rest of the input is kept
    assert WorkshopOutcomePage.objects.count() == 0
    assert OutcomeAttachment.objects.count() == 0


def test_ten_attachments_are_accepted(client, project, people):
    client.force_login(people["medarbejder"])
    assert post(client, project, people, [pdf(f"bilag{number}.pdf") for number in range(10)]).status_code == 302
    assert OutcomeAttachment.objects.count() == 10


def test_more_than_50_mb_in_all_is_refused_next_to_the_field(client, project, people):
    client.force_login(people["medarbejder"])
    nineteen_mb = 19 * 1024 * 1024
    response = post(client, project, people, [pdf(f"stor{number}.pdf", nineteen_mb) for number in range(3)])
    assert response.status_code == 400
    assert "højst have 50 MB vedhæftet" in attachment_error(response)
    assert WorkshopOutcomePage.objects.count() == 0
    assert OutcomeAttachment.objects.count() == 0


def test_an_edit_counts_the_files_the_outcome_already_has(submit, people):
    from workshops.forms import OutcomeForm

    page = submit()
    for number in range(9):
        OutcomeAttachment.objects.create(outcome=page, file=pdf(f"gammel{number}.pdf"), original_name="x.pdf", size=20)
    data = form_data(people["forandringsagent"], revision=str(page.latest_revision_id))
    form = OutcomeForm(data, {"attachments": [pdf("ny1.pdf"), pdf("ny2.pdf")]}, outcome=page)
    assert not form.is_valid()
    assert "attachments" in form.errors
    # Ticking one old file for removal makes room.
    data["remove_attachments"] = [str(OutcomeAttachment.objects.filter(outcome=page).first().pk)]
    form = OutcomeForm(data, {"attachments": [pdf("ny1.pdf"), pdf("ny2.pdf")]}, outcome=page)
    assert form.is_valid(), form.errors


def test_the_twenty_first_outcome_within_an_hour_is_refused(client, project, people, monkeypatch):
    monkeypatch.setattr(services, "MAX_SUBMISSIONS_PER_HOUR", 3)
    client.force_login(people["medarbejder"])
    for number in range(3):
        assert post(client, project, people, [], title=f"Workshop {number}").status_code == 302
    response = post(client, project, people, [], title="Workshop nummer fire")
    assert response.status_code == 429
    assert "inden for den seneste time" in response.content.decode()
    assert 'value="Workshop nummer fire"' in response.content.decode()
    assert WorkshopOutcomePage.objects.count() == 3
    # Someone else is not affected.
    client.force_login(people["forandringsagent"])
    assert post(client, project, people, [], title="En andens workshop").status_code == 302


def test_the_hourly_limit_is_twenty():
    assert services.MAX_SUBMISSIONS_PER_HOUR == 20
