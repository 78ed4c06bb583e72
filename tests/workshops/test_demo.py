from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import TaskState, WorkflowState

from workshops import services
from workshops.choices import IdeaStatus
from workshops.models import Idea, WorkshopOutcomePage

pytestmark = pytest.mark.django_db


def seed():
    call_command("seed_demo", "--password", "demo", stdout=StringIO())


def test_seed_demo_adds_outcomes_in_every_state_once():
    seed()
    seed()
    User = get_user_model()
    assert WorkshopOutcomePage.objects.count() == 5
    assert WorkshopOutcomePage.objects.live().count() == 3
    assert {idea.status for idea in Idea.objects.filter(outcome__live=True)} == set(IdeaStatus.values)
    assert Idea.objects.filter(status=IdeaStatus.IMPLEMENTED).get().history.count() == 3

    lead = User.objects.get(username="projektleder")
    awaiting = [int(state.workflow_state.object_id) for state in TaskState.objects.reviewable_by(lead)]
    assert [page.title for page in WorkshopOutcomePage.objects.filter(pk__in=awaiting)] == [
        "Borgerbudget i lokalsamfundet"
    ]

    employee = User.objects.get(username="medarbejder")
    sent_back = [item for item in services.submissions_of(employee) if item["status"]["code"] == "aendringer"]
    assert len(sent_back) == 1
    assert "hvilke øvelser I brugte" in sent_back[0]["status"]["comment"]
    assert sent_back[0]["page"].current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
