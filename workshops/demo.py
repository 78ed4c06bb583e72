"""Demo workshop outcomes: published ones with ideas in every status, one awaiting review, one sent back.

The outcomes, their ideas and the review each gets live in ``workshops/fixtures/demo/outcomes.json``.
Everything goes through ``workshops.services`` and the workflow's own task, as a real submission
and review would, so the demo also shows revisions, history and the audit log.
"""

import uuid

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import WorkflowState

from core import demo_data
from projects.models import ProjectPage

from . import services
from .choices import IdeaStatus
from .models import Idea, WorkshopOutcomePage

# Steps from "ny" to each status, as the lead would move an idea.
PATHS = {
    IdeaStatus.NEW: [],
    IdeaStatus.SELECTED: [IdeaStatus.SELECTED],
    IdeaStatus.TRIAL: [IdeaStatus.SELECTED, IdeaStatus.TRIAL],
    IdeaStatus.IMPLEMENTED: [IdeaStatus.SELECTED, IdeaStatus.TRIAL, IdeaStatus.IMPLEMENTED],
    IdeaStatus.PARKED: [IdeaStatus.PARKED],
}


def token_for(key):
    return uuid.uuid5(uuid.NAMESPACE_URL, f"intranet-demo/workshops/{key}")


@transaction.atomic
def seed(users, pages, log):
    outcomes = {}
    for spec in demo_data.load("workshops", "outcomes")["outcomes"]:
        project = ProjectPage.objects.filter(title=spec["project"]).first()
        if project is None:
            log(f"  springer over {spec['title']}: projektet {spec['project']} findes ikke")
            continue
        token = token_for(spec["key"])
        existing = WorkshopOutcomePage.objects.filter(submission_token=token).first()
        if existing is not None:
            outcomes[spec["key"]] = existing
            continue
        outcomes[spec["key"]] = create_outcome(spec, project, token, users)
        log(f"  workshopresultat oprettet: {spec['title']} ({spec['outcome']})")
    return {"outcomes": outcomes}


def create_outcome(spec, project, token, users):
    data = {
        "title": spec["title"],
        "workshop_date": demo_data.parse_date(spec["date"]),
        "facilitators": list(get_user_model().objects.filter(username__in=spec["facilitators"])),
        "employee_participants": spec["employees"],
        "citizen_participants": spec["citizens"],
        "method": spec["method"],
        "summary": spec["summary"],
        "next_steps": spec["next_steps"],
        "token": token,
    }
    ideas = [{"title": idea["title"], "description": idea["description"]} for idea in spec["ideas"]]
    submitter = users.get(spec["submitter"]) or get_user_model().objects.get(username=spec["submitter"])
    page, _created = services.submit_outcome(project, submitter, data, ideas, [])
    lead = project.lead
    task_state = page.current_workflow_task_state
    if spec["outcome"] == "published":
        task_state.task.specific.on_action(task_state, lead, "approve", comment="")
        for idea_spec, idea in zip(
            spec["ideas"], Idea.objects.filter(outcome=page).order_by("sort_order"), strict=True
        ):
            assert idea.title == idea_spec["title"]
            current = IdeaStatus.NEW
            for step in PATHS[IdeaStatus(idea_spec["status"])]:
                services.move_idea(idea, lead, current, step)
                current = step
    elif spec["outcome"] == "changes":
        task_state.task.specific.on_action(task_state, lead, "reject", comment=spec["comment"])
        assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    page.refresh_from_db()
    return page
