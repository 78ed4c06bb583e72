import uuid

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import WorkflowState

from workshops.models import OutcomeAttachment, WorkshopOutcomePage

from .conftest import form_data

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% workshop\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def submit_url(project):
    return project.url + "indsend/"


def test_project_page_links_to_the_submission_form(client, project, people):
    client.force_login(people["medarbejder"])
    response = client.get(project.url)
    assert response.status_code == 200
    assert 'href="/projekter/aktivt-medborgerskab/indsend/"' in response.content.decode()
    assert "Indsend workshopresultat" in response.content.decode()


def test_form_names_change_agents_only_and_says_citizens_are_counts(client, project, people):
    client.force_login(people["medarbejder"])
    response = client.get(submit_url(project))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Frida Agerskov" in html
    assert html.count('name="facilitators"') == 1  # the one change agent; nobody else is offered
    assert "Mette Mortensen" not in html
    assert "Kun antallet" in html
    assert 'name="token"' in html


def test_employee_submits_a_draft_owned_by_them_with_revision_and_workflow(client, project, people):
    client.force_login(people["medarbejder"])
    data = form_data(
        people["forandringsagent"],
        ideas=[("Frivillighedsbørs", "En børs."), ("Fællesspisning", "Spis sammen.")],
    )
    response = client.post(submit_url(project), data)
    assert response.status_code == 302
    assert response.url == "/mine-indsendelser/"

    page = WorkshopOutcomePage.objects.get()
    assert page.get_parent().pk == project.pk
    assert page.owner == people["medarbejder"]
    assert not page.live
    assert page.revisions.count() == 1
    assert page.employee_participants == 12 and page.citizen_participants == 7
    assert [block.value["title"] for block in page.ideas] == ["Frivillighedsbørs", "Fællesspisning"]
    assert list(page.facilitators.all()) == [people["forandringsagent"]]
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == people["medarbejder"]
    assert state.current_task_state.task.specific.__class__.__name__ == "ProjectLeadApprovalTask"


def test_double_submit_creates_one_outcome(client, project, people):
    client.force_login(people["medarbejder"])
    data = form_data(people["forandringsagent"], token=str(uuid.uuid4()))
    first = client.post(submit_url(project), data)
    second = client.post(submit_url(project), data)
    assert first.status_code == second.status_code == 302
    assert WorkshopOutcomePage.objects.count() == 1
    assert WorkflowState.objects.count() == 1


def test_draft_is_invisible_to_other_employees_and_search_and_listings(client, project, people, submit):
    page = submit(title="Hemmelig kladde om frivillighed")
    url = project.url + page.slug + "/"
    for username in ("medarbejder", "kommunikation", "projektleder2"):
        client.force_login(people[username])
        assert client.get(url).status_code == 404
    client.force_login(people["kommunikation"])
    assert "Hemmelig kladde" not in client.get("/soeg/?q=frivillighed").content.decode()
    assert "Hemmelig kladde" not in client.get(project.url).content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "Dette felt er påkrævet"),
        ("title", "x" * 201, "højst have 200 tegn"),
        ("workshop_date", "i morgen", "gyldig dato"),
        ("workshop_date", "2999-01-01", "kan ikke ligge i fremtiden"),
        ("employee_participants", "-1", "større end eller lig 0"),
        ("citizen_participants", "mange", "heltal"),
        ("citizen_participants", "100000", "mindre end eller lig 10000"),
        ("facilitators", [], "Vælg mindst én forandringsagent"),
        ("summary", "", "Dette felt er påkrævet"),
        ("method", "m" * 5001, "højst have 5000 tegn"),
    ],
)
def test_bad_input_is_explained_next_to_the_field_and_nothing_is_saved(client, project, people, field, value, message):
    client.force_login(people["medarbejder"])
    data = form_data(people["forandringsagent"], **{field: value})
    response = client.post(submit_url(project), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert 'class="form-error-message" id="id_' + field in html
    # What was typed is kept.
    assert "Brainwriting og omvendt brainstorm." in html or field == "method"
    assert WorkshopOutcomePage.objects.count() == 0


def test_facilitator_must_be_a_change_agent(client, project, people):
    client.force_login(people["medarbejder"])
    data = form_data(people["forandringsagent"], facilitators=[str(people["medarbejder"].pk)])
    response = client.post(submit_url(project), data)
    assert response.status_code == 400
    assert "Marker en gyldig valgmulighed" in response.content.decode()
    assert WorkshopOutcomePage.objects.count() == 0


def test_at_least_one_idea_and_each_needs_title_and_description(client, project, people):
    client.force_login(people["medarbejder"])
    data = form_data(people["forandringsagent"], ideas=[("", "")])
    response = client.post(submit_url(project), data)
    assert response.status_code == 400
    assert 'id="id_ideas-0-title_error1"' in response.content.decode()

    data = form_data(people["forandringsagent"], ideas=[("Titel uden beskrivelse", "")])
    response = client.post(submit_url(project), data)
    assert response.status_code == 400
    assert 'id="id_ideas-0-description_error1"' in response.content.decode()
    assert WorkshopOutcomePage.objects.count() == 0


def test_add_another_idea_works_without_javascript_and_keeps_input(client, project, people):
    client.force_login(people["medarbejder"])
    data = form_data(people["forandringsagent"], ideas=[("Min første idé", "Beskrivelse")], add_idea="1")
    response = client.post(submit_url(project), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="ideas-TOTAL_FORMS" value="2"' in html
    assert 'name="ideas-1-title"' in html
    assert "Min første idé" in html
    assert "Idéer til frivillighed i lokalområdet" in html
    assert "form-error-message" not in html
    assert WorkshopOutcomePage.objects.count() == 0


def test_script_in_text_is_stored_as_text_and_escaped(client, project, people, submit):
    page = submit(summary="<script>alert('x')</script> & <b>fed</b>")
    assert page.summary == "<script>alert('x')</script> & <b>fed</b>"
    page.get_latest_revision().publish()
    client.force_login(people["medarbejder"])
    html = client.get(page.get_url()).content.decode()
    assert "<script>alert('x')</script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;fed&lt;/b&gt;" in html


def test_attachments_are_stored_and_served_only_to_those_who_may_see_the_outcome(client, project, people):
    client.force_login(people["medarbejder"])
    data = form_data(people["forandringsagent"])
    data["attachments"] = [
        SimpleUploadedFile("referat.pdf", PDF, content_type="application/pdf"),
        SimpleUploadedFile("tavle.png", PNG, content_type="image/png"),
    ]
    assert client.post(submit_url(project), data).status_code == 302
    files = OutcomeAttachment.objects.order_by("original_name")
    assert [item.original_name for item in files] == ["referat.pdf", "tavle.png"]
    url = files[0].get_absolute_url()

    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    client.force_login(people["projektleder"])
    assert client.get(url).status_code == 200
    client.force_login(people["projektleder2"])
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "filtypen er ikke tilladt"),
        ("noter.txt", b"hej", "filtypen er ikke tilladt"),
        ("falsk.pdf", b"MZ\x90\x00 not a pdf", "ser ikke ud til at være en pdf-fil"),
    ],
)
def test_disallowed_attachments_are_refused_with_a_message(client, project, people, name, content, message):
    client.force_login(people["medarbejder"])
    data = form_data(people["forandringsagent"])
    data["attachments"] = [SimpleUploadedFile(name, content)]
    response = client.post(submit_url(project), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert WorkshopOutcomePage.objects.count() == 0
    assert OutcomeAttachment.objects.count() == 0


def test_attachment_over_20_mb_is_refused(client, project, people):
    client.force_login(people["medarbejder"])
    data = form_data(people["forandringsagent"])
    big = SimpleUploadedFile("stor.pdf", PDF + b"0" * (20 * 1024 * 1024), content_type="application/pdf")
    data["attachments"] = [big]
    response = client.post(submit_url(project), data)
    assert response.status_code == 400
    assert "højst fylde 20 MB" in response.content.decode()
    assert WorkshopOutcomePage.objects.count() == 0


def test_missing_csrf_token_is_refused(project, people):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(people["medarbejder"])
    response = client.post(submit_url(project), form_data(people["forandringsagent"]))
    assert response.status_code == 403
    assert WorkshopOutcomePage.objects.count() == 0


def test_submission_mails_the_lead_and_moderators_with_absolute_links(
    client, project, people, django_capture_on_commit_callbacks
):
    client.force_login(people["medarbejder"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(submit_url(project), form_data(people["forandringsagent"]))
    assert response.status_code == 302
    page = WorkshopOutcomePage.objects.get()
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([people["projektleder"].email, people["moderator"].email])
    message = mail.outbox[0]
    assert "til din godkendelse" in message.subject
    assert f"http://intranet.test/admin/pages/{page.pk}/edit/" in message.body
    assert "Mads Bundgaard" in message.body
