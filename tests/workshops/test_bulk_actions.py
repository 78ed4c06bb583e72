"""Wagtail's bulk actions follow the same rules as the single-page screens."""

import pytest
from wagtail.models import Page

from workshops.models import WorkshopOutcomePage

pytestmark = pytest.mark.django_db


def bulk(client, action, pages, next_url="/admin/pages/", data=None):
    ids = "&".join(f"id={page.pk}" for page in pages)
    return client.post(f"/admin/bulk/wagtailcore/page/{action}/?{ids}&next={next_url}", data or {}, follow=True)


def messages_of(response):
    return [str(message) for message in response.context["messages"]] if response.context else []


def test_a_lead_cannot_bulk_delete_outcomes_or_the_project(client, submit, people, project):
    pending = [submit(title="Første"), submit(title="Anden")]
    client.force_login(people["projektleder"])
    response = bulk(client, "delete", pending)
    assert WorkshopOutcomePage.objects.filter(pk__in=[page.pk for page in pending]).count() == 2
    assert any("Kun administratorer" in message for message in messages_of(response))
    bulk(client, "delete", [project])
    assert Page.objects.filter(pk=project.pk).exists()
    assert WorkshopOutcomePage.objects.count() == 2


def test_a_lead_cannot_delete_a_pending_outcome_on_its_own_screen_either(client, submit, people):
    page = submit()
    client.force_login(people["projektleder"])
    client.post(f"/admin/pages/{page.pk}/delete/")
    assert WorkshopOutcomePage.objects.filter(pk=page.pk).exists()


def test_superusers_still_delete_in_bulk(client, submit, make_user):
    pending = [submit(title="Første"), submit(title="Anden")]
    client.force_login(make_user("chef", is_superuser=True))
    bulk(client, "delete", pending)
    assert not WorkshopOutcomePage.objects.filter(pk__in=[page.pk for page in pending]).exists()


def approve(page, people):
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, people["moderator"], "approve")
    page.refresh_from_db()
    return page


def in_review_again(page, people):
    """A published outcome with a new revision in review (the workflow restarted)."""
    page.save_revision(user=page.owner)
    page.get_workflow().start(page, page.owner)
    page.refresh_from_db()
    assert page.live and page.workflow_in_progress
    return page


def test_outcomes_in_review_are_not_unpublished_or_moved_in_bulk(client, submit, people, projects):
    page = in_review_again(approve(submit(), people), people)
    client.force_login(people["projektleder"])
    bulk(client, "unpublish", [page])
    assert WorkshopOutcomePage.objects.get(pk=page.pk).live
    # Moving it (or the project it is under) elsewhere would hand it to another reviewer.
    bulk(client, "move", [page], data={"chooser": projects["other"].pk})
    assert WorkshopOutcomePage.objects.get(pk=page.pk).get_parent().pk == projects["ours"].pk


def test_outcomes_are_not_published_in_bulk(client, submit, people):
    page = submit()
    client.force_login(people["projektleder"])
    bulk(client, "publish", [page])
    assert not WorkshopOutcomePage.objects.get(pk=page.pk).live


def test_a_published_outcome_not_in_review_is_unpublished_in_bulk_by_its_lead(client, submit, people):
    page = approve(submit(), people)
    client.force_login(people["projektleder"])
    bulk(client, "unpublish", [page])
    assert not WorkshopOutcomePage.objects.get(pk=page.pk).live


@pytest.mark.parametrize("action", ["unpublish", "move"])
def test_the_bulk_rule_refuses_outcomes_in_review_under_a_selected_page(submit, people, project, action):
    """The rule the bulk hook applies, for any page whose subtree holds an outcome in review."""
    from workshops import services

    page = in_review_again(approve(submit(), people), people)
    for selection in ([page], [project]):
        assert services.bulk_action_refusal(people["moderator"], action, selection)
    assert services.bulk_action_refusal(people["moderator"], "publish", [page])
    assert services.bulk_action_refusal(people["moderator"], "delete", [page]) is None  # core's rule
