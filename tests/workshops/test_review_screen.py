"""The reviewer's screen at /moderering/workshopresultater/<id>/ and the submitter's read-only view."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import WorkflowState

from workshops.models import OutcomeAttachment, WorkshopOutcomePage

from .conftest import form_data

pytestmark = pytest.mark.django_db


def review_url(page):
    return f"/moderering/workshopresultater/{page.pk}/"


def reload(page):
    return WorkshopOutcomePage.objects.get(pk=page.pk)


def resubmit(client, people, page, **changes):
    """The submitter edits the outcome sent back and sends it again."""
    client.force_login(people["medarbejder"])
    data = form_data(people["forandringsagent"], revision=str(reload(page).latest_revision_id), **changes)
    blocks = reload(page).get_latest_revision_as_object().ideas
    for index, block in enumerate(blocks):
        data[f"ideas-{index}-block_id"] = block.id
    response = client.post(f"/mine-indsendelser/{page.pk}/rediger/", data)
    assert response.status_code == 302


def test_the_queue_links_to_the_reviewers_screen_which_shows_the_outcome_as_published(client, submit, people):
    page = submit(ideas=[("Frivillighedsbørs", "En børs."), ("Fællesspisning", "Spis sammen.")])
    OutcomeAttachment.objects.create(
        outcome=page, file=SimpleUploadedFile("referat.pdf", b"%PDF-1.4"), original_name="referat.pdf", size=8
    )
    client.force_login(people["projektleder"])
    queue = client.get("/moderering/").content.decode()
    assert f'href="{review_url(page)}"' in queue

    response = client.get(review_url(page))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Idéer til frivillighed i lokalområdet" in html
    assert "Frivillighedsbørs" in html and "Fællesspisning" in html
    assert "Frida Agerskov" in html  # the facilitator by name
    assert "Mads Bundgaard" in html  # the submitter by name
    assert "12 medarbejdere" in html and "7 borgere" in html
    assert "referat.pdf" in html
    assert '<button type="submit" name="action" value="approve"' in html
    assert ">Godkend</button>" in html
    assert ">Anmod om ændringer</button>" in html
    assert 'name="comment"' in html
    assert f"/admin/pages/{page.pk}/edit/" in html  # the admin's edit view stays available
    assert "Ændret siden sidste runde" not in html  # first round: nothing to compare


def test_approving_on_the_screen_publishes_through_the_workflow(client, submit, people):
    page = submit()
    client.force_login(people["projektleder"])
    response = client.post(review_url(page), {"action": "approve", "comment": ""})
    assert response.status_code == 302
    assert response["Location"] == "/moderering/"
    page = reload(page)
    assert page.live
    assert page.workflow_states.get().status == WorkflowState.STATUS_APPROVED


def test_requesting_changes_needs_a_comment_which_the_submitter_sees_on_the_form(client, submit, people):
    page = submit()
    client.force_login(people["moderator"])
    response = client.post(review_url(page), {"action": "reject", "comment": "  "})
    assert response.status_code == 400
    assert "Skriv, hvad der skal ændres." in response.content.decode()
    assert reload(page).current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    response = client.post(review_url(page), {"action": "reject", "comment": "Hvor mange borgere deltog?"})
    assert response.status_code == 302
    assert reload(page).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    client.force_login(people["medarbejder"])
    html = client.get(f"/mine-indsendelser/{page.pk}/rediger/").content.decode()
    top = html.index("review-comment")
    assert top < html.index('class="outcome-form"')
    assert "Mette Mortensen beder om ændringer:" in html
    assert "Hvor mange borgere deltog?" in html


def test_second_round_shows_what_changed_and_the_earlier_comments(client, submit, people):
    page = submit()
    client.force_login(people["projektleder"])
    client.post(review_url(page), {"action": "reject", "comment": "Skriv metoden mere præcist."})
    resubmit(client, people, page, method="Brainwriting, omvendt brainstorm og gallerivandring.")

    client.force_login(people["projektleder"])
    html = client.get(review_url(page)).content.decode()
    assert "Ændret siden sidste runde" in html
    assert "metode og øvelser" in html.lower()
    assert "gallerivandring" in html
    assert 'class="addition"' in html
    assert "Tidligere kommentarer" in html
    assert "Skriv metoden mere præcist." in html
    assert "Pernille Lykkegaard anmodede om ændringer" in html


@pytest.mark.parametrize("username", ["projektleder2", "kommunikation", "medarbejder", "forandringsagent"])
def test_only_reviewers_of_the_outcome_open_the_screen_or_decide(client, submit, people, username):
    page = submit()
    client.force_login(people[username])
    assert client.get(review_url(page)).status_code == 403
    assert client.post(review_url(page), {"action": "approve"}).status_code == 403
    assert not reload(page).live


def test_a_decision_after_another_reviewers_goes_to_the_queue_explained(client, submit, people):
    page = submit()
    client.force_login(people["moderator"])
    client.post(review_url(page), {"action": "approve"})
    client.force_login(people["projektleder"])
    response = client.post(review_url(page), {"action": "reject", "comment": "For sent."})
    assert response.status_code == 302
    assert response["Location"] == f"/moderering/?afgjort={page.pk}"
    page = reload(page)
    assert page.live
    assert page.workflow_states.get().status == WorkflowState.STATUS_APPROVED


def test_the_submitter_opens_her_pending_outcome_read_only(client, submit, people):
    page = submit()
    client.force_login(people["medarbejder"])
    assert f'href="/mine-indsendelser/{page.pk}/"' in client.get("/mine-indsendelser/").content.decode()
    response = client.get(f"/mine-indsendelser/{page.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Frivillighedsbørs" in html
    assert 'name="action"' not in html and "<textarea" not in html
    assert "Afventer godkendelse" in html

    client.force_login(people["projektleder2"])
    assert client.get(f"/mine-indsendelser/{page.pk}/").status_code == 404


def test_the_reviewers_screen_queries_do_not_grow_with_ideas_rounds_and_files(client, submit, people):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(page):
        client.force_login(people["projektleder"])
        client.get(review_url(page))
        with CaptureQueriesContext(connection) as context:
            response = client.get(review_url(page))
        assert response.status_code == 200
        return len(context.captured_queries)

    def rounds(page, count, ideas):
        for number in range(count):
            client.force_login(people["projektleder"])
            client.post(review_url(page), {"action": "reject", "comment": f"Runde {number}"})
            resubmit(client, people, page, method=f"Rettelse {number}.", title=page.title, ideas=ideas)

    one = [("Én idé", "Kort.")]
    small_page = submit(ideas=one, title="En lille workshop")
    rounds(small_page, 2, one)
    small = queries(small_page)

    many = [(f"Idé {n}", f"Beskrivelse {n}.") for n in range(8)]
    large_page = submit(ideas=many, title="En stor workshop")
    rounds(large_page, 5, many)
    for n in range(4):
        OutcomeAttachment.objects.create(
            outcome=large_page, file=SimpleUploadedFile(f"f{n}.pdf", b"%PDF-1.4"), original_name=f"f{n}.pdf", size=8
        )
    assert queries(large_page) == small
