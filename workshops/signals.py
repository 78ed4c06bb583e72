"""Signal wiring: ideas become records when an outcome is published; reviewers hear of a submission.

A submitted (or resubmitted) outcome is announced to its project's lead and the Moderators on
Wagtail's ``task_submitted`` signal, after the transaction commits. The decision reaches the
submitter through Wagtail's own workflow e-mail, in the outcome's words
(``WorkshopOutcomePage.workflow_email_templates``).
"""

from django.db import transaction
from wagtail.models import TaskState
from wagtail.search import index
from wagtail.signals import (
    page_published,
    task_submitted,
)

from projects.models import ProjectPage

from .models import ProjectLeadApprovalTask, WorkshopOutcomePage
from .notifications import notify_submitted
from .services import sync_ideas


def sync_ideas_on_publish(sender, instance, **kwargs):
    sync_ideas(instance)


def reindex_outcome(sender, instance, **kwargs):
    """The search index holds the facilitators' names, which are stored only after the page itself."""
    index.insert_or_update_object(instance)


def reindex_project_outcomes(sender, instance, **kwargs):
    """An outcome is found by its project's name: a renamed project takes its outcomes along."""
    for outcome in WorkshopOutcomePage.objects.child_of(instance).live():
        index.insert_or_update_object(outcome)


def is_outcome_review(task_state):
    return task_state.task.specific_class is ProjectLeadApprovalTask


def outcome_submitted(sender, instance, user=None, **kwargs):
    """Submitted or resubmitted: the project's lead and the Moderators are told."""
    if is_outcome_review(instance):
        page_id = int(instance.workflow_state.object_id)
        transaction.on_commit(lambda: notify_submitted(page_id))


def connect():
    task_submitted.connect(outcome_submitted, sender=TaskState, dispatch_uid="workshops_outcome_submitted")
    page_published.connect(sync_ideas_on_publish, sender=WorkshopOutcomePage, dispatch_uid="workshops_sync_ideas")
    page_published.connect(reindex_outcome, sender=WorkshopOutcomePage, dispatch_uid="workshops_reindex_outcome")
    page_published.connect(
        reindex_project_outcomes, sender=ProjectPage, dispatch_uid="workshops_reindex_project_outcomes"
    )
