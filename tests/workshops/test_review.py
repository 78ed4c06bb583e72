import json
import threading

import pytest
from django.core import mail
from django.db import connection
from wagtail.models import TaskState, WorkflowState

from people import roles
from workshops.models import Idea, ProjectLeadApprovalTask, WorkshopOutcomePage

from .conftest import form_data

pytestmark = pytest.mark.django_db


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def decide(client, page, action, comment=None):
    """Press the approve / request-changes button of the admin's edit screen."""
    data = {"action-workflow-action": "true", "workflow-action-name": action}
    if comment is not None:
        data["workflow-action-extra-data"] = json.dumps({"comment": comment})
    return client.post(edit_url(page), data)


def reload(page):
    return WorkshopOutcomePage.objects.get(pk=page.pk)


def task_of(page):
    return reload(page).current_workflow_task


def test_the_current_lead_approves_in_the_admin_and_the_outcome_is_published(
    client, submit, people, django_capture_on_commit_callbacks
):
    page = submit(ideas=[("Frivillighedsbørs", "En børs."), ("Fællesspisning", "Spis sammen.")])
    client.force_login(people["projektleder"])
    editor = client.get(edit_url(page))
    assert editor.status_code == 200
    assert "Godkend og udgiv" in editor.content.decode()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client, page, "approve", comment="Flot arbejde!")
    assert response.status_code == 302
    page = reload(page)
    assert page.live
    assert page.current_workflow_state is None
    assert page.workflow_states.get().status == WorkflowState.STATUS_APPROVED
    assert [idea.title for idea in Idea.objects.filter(outcome=page)] == ["Frivillighedsbørs", "Fællesspisning"]
    assert set(Idea.objects.values_list("status", flat=True)) == {"ny"}

    # One email, ours, to the submitter, with the reviewer's comment and an absolute link.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [people["medarbejder"].email]
    assert "godkendt" in message.subject
    assert "Flot arbejde!" in message.body
    assert f"http://intranet.test{page.url}" in message.body

    client.force_login(people["kommunikation"])
    assert client.get(page.url).status_code == 200
    assert page.title in client.get(page.get_parent().url).content.decode()


@pytest.mark.parametrize("username", ["projektleder2", "kommunikation", "medarbejder"])
def test_others_cannot_approve(client, submit, people, username):
    page = submit()
    user = people[username]
    task = task_of(page)
    assert task.get_actions(page, user) == []
    assert not task.user_can_access_editor(page, user)
    client.force_login(user)
    response = decide(client, page, "approve")
    assert response.status_code in (302, 403)
    page = reload(page)
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_the_submitter_cannot_approve_their_own_outcome_even_as_moderator(client, submit, people):
    page = submit(user=people["moderator"])
    assert task_of(page).get_actions(page, people["moderator"]) == []
    client.force_login(people["moderator"])
    decide(client, page, "approve")
    assert not reload(page).live


def test_a_moderator_can_approve_any_outcome(client, submit, people):
    page = submit()
    client.force_login(people["moderator"])
    assert decide(client, page, "approve").status_code == 302
    assert reload(page).live


def test_only_the_current_lead_reviews(client, submit, people, project):
    page = submit()
    project.lead = people["projektleder2"]
    project.save_revision().publish()
    task = task_of(page)
    page = reload(page)
    assert task.get_actions(page, people["projektleder2"]) != []
    assert task.get_actions(page, people["projektleder"]) == []


def test_review_queue_of_wagtail_lists_outcomes_only_for_their_reviewers(submit, people, projects):
    ours = submit()
    theirs = submit(target=projects["other"], title="Sund hverdag-workshop")

    def reviewable(user):
        return {int(state.workflow_state.object_id) for state in TaskState.objects.reviewable_by(user)}

    assert reviewable(people["projektleder"]) == {ours.pk}
    assert reviewable(people["projektleder2"]) == {theirs.pk}
    assert reviewable(people["moderator"]) == {ours.pk, theirs.pk}
    assert reviewable(people["kommunikation"]) == set()


def test_admin_dashboard_action_view_approves_too(client, submit, people):
    page = submit()
    task_state = reload(page).current_workflow_task_state
    client.force_login(people["projektleder"])
    response = client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""})
    assert response.status_code == 302
    assert reload(page).live


def test_request_changes_needs_a_comment(client, submit, people):
    page = submit()
    client.force_login(people["projektleder"])
    response = decide(client, page, "reject", comment="")
    assert response.status_code == 302
    assert reload(page).current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_request_changes_edit_resubmit_approve(client, submit, people, django_capture_on_commit_callbacks):
    page = submit()
    client.force_login(people["projektleder"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decide(client, page, "reject", comment="Tilføj gerne, hvor mange borgere der deltog.")
    state = reload(page).current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    # The submitter is told, with the comment and a link to the form.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [people["medarbejder"].email]
    assert "Tilføj gerne, hvor mange borgere der deltog." in message.body
    assert f"http://intranet.test/mine-indsendelser/{page.pk}/rediger/" in message.body

    client.force_login(people["medarbejder"])
    overview = client.get("/mine-indsendelser/").content.decode()
    assert "Ændringer ønsket" in overview
    assert "Tilføj gerne, hvor mange borgere der deltog." in overview
    edit = client.get(f"/mine-indsendelser/{page.pk}/rediger/")
    assert edit.status_code == 200
    html = edit.content.decode()
    assert "Idéer til frivillighed i lokalområdet" in html
    assert 'name="ideas-0-block_id"' in html

    block_id = reload(page).ideas[0].id
    data = form_data(
        people["forandringsagent"],
        ideas=[("Frivillighedsbørs", "En børs, nu med borgere.")],
        citizen_participants="9",
        title="Frivillighed i lokalområdet, med borgerne",
        revision=str(reload(page).latest_revision_id),
    )
    data["ideas-0-block_id"] = block_id
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/mine-indsendelser/{page.pk}/rediger/", data)
    assert response.status_code == 302
    # The confirmation names the outcome by the title just given.
    confirmation = client.get(response.url).content.decode()
    assert "“Frivillighed i lokalområdet, med borgerne” er sendt til godkendelse igen" in confirmation
    page = reload(page)
    assert WorkshopOutcomePage.objects.count() == 1
    assert page.revisions.count() == 2
    assert page.current_workflow_state.pk == state.pk
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.citizen_participants == 9
    assert page.ideas[0].id == block_id
    assert sorted(address for m in mail.outbox for address in m.to) == sorted(
        [people["projektleder"].email, people["moderator"].email]
    )
    assert "Afventer godkendelse" in client.get("/mine-indsendelser/").content.decode()

    client.force_login(people["projektleder"])
    decide(client, page, "approve")
    page = reload(page)
    assert page.live
    assert page.citizen_participants == 9
    assert Idea.objects.get(outcome=page).description == "En børs, nu med borgere."


def test_an_outcome_awaiting_review_cannot_be_edited(client, submit, people):
    page = submit()
    client.force_login(people["medarbejder"])
    url = f"/mine-indsendelser/{page.pk}/rediger/"
    response = client.get(url)
    assert response.status_code == 302
    data = form_data(people["forandringsagent"], title="Ændret i smug", revision=str(page.latest_revision_id))
    client.post(url, data)
    assert reload(page).draft_title != "Ændret i smug"
    assert reload(page).revisions.count() == 1


def test_someone_elses_outcome_cannot_be_edited(client, submit, people):
    page = submit()
    client.force_login(people["projektleder"])
    decide(client, page, "reject", comment="Mere tekst.")
    client.force_login(people["forandringsagent"])
    assert client.get(f"/mine-indsendelser/{page.pk}/rediger/").status_code == 404


def test_a_stale_edit_is_refused(client, submit, people):
    page = submit()
    client.force_login(people["projektleder"])
    decide(client, page, "reject", comment="Mere tekst.")
    client.force_login(people["medarbejder"])
    stale = form_data(people["forandringsagent"], title="Fra en gammel fane", revision="1")
    response = client.post(f"/mine-indsendelser/{page.pk}/rediger/", stale)
    assert response.status_code == 400
    assert "ændret, siden du åbnede formularen" in response.content.decode()
    assert reload(page).revisions.count() == 1


def test_a_second_reviewer_gets_a_clear_message_not_a_second_decision(client, submit, people):
    page = submit()
    client.force_login(people["moderator"])
    decide(client, page, "approve")
    # The lead had the screen open and presses "request changes" afterwards.
    client.force_login(people["projektleder"])
    response = decide(client, page, "reject", comment="For sent.")
    assert response.status_code == 302
    followed = client.get(response.url, follow=True).content.decode()
    assert "er allerede godkendt af Mette Mortensen" in followed
    page = reload(page)
    assert page.live
    assert TaskState.objects.filter(status=TaskState.STATUS_REJECTED).count() == 0


def test_a_stale_task_state_cannot_be_decided_twice(submit, people, django_capture_on_commit_callbacks):
    page = submit()
    task_state = reload(page).current_workflow_task_state
    stale_copy = TaskState.objects.get(pk=task_state.pk).specific
    task = task_state.task.specific
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert task.on_action(task_state, people["projektleder"], "approve") is None
        moderator = people["moderator"]
        redirect_to = task.on_action(stale_copy, moderator, "reject", comment="Nej")
    assert redirect_to == f"/moderering/?afgjort={page.pk}"
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_APPROVED
    assert TaskState.objects.get(pk=task_state.pk).finished_by == people["projektleder"]
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_two_reviewers_at_the_same_moment_yield_one_decision(submit, people):
    """Two threads, two database connections, released together by a barrier."""
    page = submit()
    task_state_id = reload(page).current_workflow_task_state.pk
    barrier = threading.Barrier(2)
    results = {}

    def act(username, action):
        try:
            state = TaskState.objects.get(pk=task_state_id).specific
            task = ProjectLeadApprovalTask.objects.get(pk=state.task_id)
            barrier.wait(timeout=10)
            results[username] = task.on_action(state, people[username], action, comment="samtidig")
        except Exception as error:  # reported below, so a thread's failure fails the test
            results[username] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=act, args=("projektleder", "approve")),
        threading.Thread(target=act, args=("moderator", "reject")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert not any(isinstance(result, Exception) for result in results.values()), results
    assert sorted(result is None for result in results.values()) == [False, True]
    decided = TaskState.objects.get(pk=task_state_id)
    assert decided.status in (TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED)
    winner = "projektleder" if decided.status == TaskState.STATUS_APPROVED else "moderator"
    assert results[winner] is None
    assert decided.finished_by == people[winner]
    assert reload(page).live == (winner == "projektleder")


def test_wagtails_own_workflow_emails_are_not_sent_for_outcomes(
    submit, people, make_user, django_capture_on_commit_callbacks
):
    boss = make_user("chef", roles.EMPLOYEES, is_superuser=True)
    with django_capture_on_commit_callbacks(execute=True):
        submit()
    assert mail.outbox  # ours went out
    assert boss.email not in [address for m in mail.outbox for address in m.to]


def test_the_lead_cannot_skip_the_review_with_the_publish_button(client, submit, people):
    """Leads have publish rights on their project's subtree, but outcomes go live only through review."""
    page = submit()
    lead = people["projektleder"]
    assert reload(page).permissions_for_user(lead).can_edit()
    assert not reload(page).permissions_for_user(lead).can_publish()
    client.force_login(lead)
    editor = client.get(edit_url(page)).content.decode()
    assert "Godkend og udgiv" in editor
    assert 'name="action-publish"' not in editor


@pytest.mark.parametrize(
    ("username", "shown"),
    [("moderator", True), ("projektleder", True), ("projektleder2", False), ("kommunikation", False)],
)
def test_the_already_decided_notice_is_only_for_those_who_may_review_the_outcome(
    client, submit, people, username, shown
):
    """``?afgjort=<id>`` names the outcome, the decision and the reviewer: reviewers of that outcome only."""
    page = submit(title="Fortroligt workshopresultat")
    task_state = reload(page).current_workflow_task_state
    task_state.task.specific.on_action(task_state, people["moderator"], "reject", comment="Mere om metoden")
    client.force_login(people[username])
    response = client.get(f"/moderering/?afgjort={page.pk}", follow=True)
    assert response.status_code == 200  # everyone here may open the queue (leads, comment moderators)
    content = response.content.decode()
    assert ("Fortroligt workshopresultat" in content) is shown
    assert ("Mette Mortensen" in content) is shown


def test_the_admin_chooses_facilitators_from_change_agents_by_name_with_a_search_field(client, submit, people):
    page = submit()
    client.force_login(people["projektleder"])
    html = client.get(edit_url(page)).content.decode()
    assert 'data-checkbox-filter="id_facilitators"' in html
    assert "js/checkbox-filter.js" in html
    assert "Frida Agerskov" in html  # the change agent, by name
    assert f'value="{people["medarbejder"].pk}"' not in html.split('id="id_facilitators"')[1].split("</ul>")[0]


def test_a_review_stopped_in_the_admin_leaves_the_submitter_free_to_send_it_again(client, submit, people):
    page = submit()
    lead = people["projektleder"]
    # "Annuller arbejdsgang" in the page's edit screen does this.
    reload(page).current_workflow_state.cancel(user=lead)
    assert reload(page).current_workflow_state is None

    # The submitter is told, sees a draft she may change, and sends it again.
    from notifications.models import Notification

    told = Notification.objects.get(recipient=people["medarbejder"], kind="outcome_decision", actor=lead)
    assert told.url == f"/mine-indsendelser/{page.pk}/rediger/" and "Godkendelsen er stoppet" in told.excerpt
    client.force_login(people["medarbejder"])
    mine = client.get("/mine-indsendelser/").content.decode()
    assert "Kladde: ikke sendt til godkendelse" in mine and f'href="/mine-indsendelser/{page.pk}/rediger/"' in mine
    assert "Ret det, og send det til godkendelse" in client.get(f"/mine-indsendelser/{page.pk}/").content.decode()
    edit = client.get(f"/mine-indsendelser/{page.pk}/rediger/")
    assert edit.status_code == 200
    data = form_data(people["forandringsagent"], revision=str(reload(page).latest_revision_id))
    response = client.post(f"/mine-indsendelser/{page.pk}/rediger/", data)
    assert response.status_code == 302
    state = reload(page).current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "Afventer godkendelse" in client.get("/mine-indsendelser/").content.decode()
    # Back in the lead's queue.
    client.force_login(lead)
    assert page.title in client.get("/moderering/").content.decode()
