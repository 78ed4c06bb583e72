"""Signal wiring: ideas become records when an outcome is published; the review's e-mails follow the task.

Our e-mails go out on Wagtail's task signals for :class:`ProjectLeadApprovalTask` after the
transaction commits; Wagtail's own workflow e-mails skip outcomes.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.admin import signal_handlers as wagtail_emails
from wagtail.models import TaskState, WorkflowState
from wagtail.search import index
from wagtail.signals import (
    page_published,
    task_approved,
    task_rejected,
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from projects.models import ProjectPage

from .models import ProjectLeadApprovalTask, WorkshopOutcomePage
from .notifications import notify_approved, notify_changes_requested, notify_submitted
from .services import sync_ideas

# dispatch_uid of the receivers wagtail.admin connects in its own ready().
WAGTAIL_WORKFLOW_EMAILS = [
    (workflow_submitted, "workflow_submission_email_notifier", "workflow_state_submitted_email_notification"),
    (workflow_rejected, "workflow_rejection_email_notifier", "workflow_state_rejected_email_notification"),
    (workflow_approved, "workflow_approval_email_notifier", "workflow_state_approved_email_notification"),
]


def sync_ideas_on_publish(sender, instance, **kwargs):
    sync_ideas(instance)


def reindex_outcome(sender, instance, **kwargs):
    """The search index holds the facilitators' names, which are stored only after the page itself."""
    index.insert_or_update_object(instance)


def reindex_project_outcomes(sender, instance, **kwargs):
    """An outcome is found by its project's name: a renamed project takes its outcomes along."""
    for outcome in WorkshopOutcomePage.objects.child_of(instance).live():
        index.insert_or_update_object(outcome)


def is_outcome_state(workflow_state):
    return workflow_state.content_type_id == ContentType.objects.get_for_model(WorkshopOutcomePage).pk


def skipping_outcomes(notifier):
    """Wagtail's notifier for every other workflow; outcomes get ``workshops.notifications`` instead."""

    def receiver(sender, instance, **kwargs):
        if is_outcome_state(instance):
            return None
        return notifier(sender=sender, instance=instance, **kwargs)

    return receiver


def is_outcome_review(task_state):
    return task_state.task.specific_class is ProjectLeadApprovalTask


def outcome_submitted(sender, instance, user=None, **kwargs):
    """Submitted or resubmitted: the project's lead and the Moderators are told."""
    if is_outcome_review(instance):
        page_id = int(instance.workflow_state.object_id)
        transaction.on_commit(lambda: notify_submitted(page_id))


def outcome_decided(sender, instance, user=None, **kwargs):
    """Approved or sent back: the submitter is told, with the reviewer's comment."""
    if not is_outcome_review(instance):
        return
    notify = notify_approved if instance.status == TaskState.STATUS_APPROVED else notify_changes_requested
    page_id, reviewer_id, comment = int(instance.workflow_state.object_id), instance.finished_by_id, instance.comment
    transaction.on_commit(lambda: notify(page_id, reviewer_id, comment))


def connect():
    task_submitted.connect(outcome_submitted, sender=TaskState, dispatch_uid="workshops_outcome_submitted")
    task_approved.connect(outcome_decided, sender=TaskState, dispatch_uid="workshops_outcome_approved")
    task_rejected.connect(outcome_decided, sender=TaskState, dispatch_uid="workshops_outcome_rejected")
    page_published.connect(sync_ideas_on_publish, sender=WorkshopOutcomePage, dispatch_uid="workshops_sync_ideas")
    page_published.connect(reindex_outcome, sender=WorkshopOutcomePage, dispatch_uid="workshops_reindex_outcome")
    page_published.connect(
        reindex_project_outcomes, sender=ProjectPage, dispatch_uid="workshops_reindex_project_outcomes"
    )
    # Same dispatch_uid as Wagtail's: whichever app's ready() runs first, only the wrapper stays.
    for signal, notifier_name, uid in WAGTAIL_WORKFLOW_EMAILS:
        signal.disconnect(sender=WorkflowState, dispatch_uid=uid)
        signal.connect(
            skipping_outcomes(getattr(wagtail_emails, notifier_name)),
            sender=WorkflowState,
            dispatch_uid=uid,
            weak=False,
        )
