"""Signal wiring: ideas become records when an outcome is published; the review's notifications follow the task.

Reviewers hear of a submitted (or resubmitted) outcome, and the submitter of the decision, through
in-site notifications made on Wagtail's task signals inside the transaction of the submission or
decision (``workshops.notifications``; their e-mail copies leave when it commits). The decision's
e-mail is Wagtail's own workflow e-mail, in the outcome's words
(``WorkshopOutcomePage.workflow_email_templates``). Followers of a project hear of its new outcomes.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import TaskState, WorkflowState
from wagtail.search import index
from wagtail.signals import (
    page_published,
    task_approved,
    task_rejected,
    task_submitted,
    workflow_cancelled,
)

from core import versions
from projects.models import ProjectPage

from .models import IDEAS_VERSION, Idea, ProjectLeadApprovalTask, WorkshopOutcomePage
from .notifications import notify_decided, notify_published, notify_review_stopped, notify_submitted
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


def announce_first_publication(sender, instance, **kwargs):
    """A newly published outcome (not a republished one) reaches the followers of its project."""
    if instance.live and instance.first_published_at == instance.last_published_at:
        notify_published(instance)


def is_outcome_review(task_state):
    return task_state.task.specific_class is ProjectLeadApprovalTask


def outcome_submitted(sender, instance, user=None, **kwargs):
    """Submitted or resubmitted: the project's lead and the Moderators are told."""
    if is_outcome_review(instance):
        page = WorkshopOutcomePage.objects.select_related("owner").get(pk=instance.workflow_state.object_id)
        notify_submitted(page, user or page.owner)


def outcome_decided(sender, instance, user=None, **kwargs):
    """Approved or sent back: the submitter is told in the site, with the reviewer's comment."""
    if not is_outcome_review(instance):
        return
    page = WorkshopOutcomePage.objects.get(pk=instance.workflow_state.object_id)
    approved = instance.status == TaskState.STATUS_APPROVED
    notify_decided(page, user or instance.finished_by, approved, instance.comment or "")


def review_stopped(sender, instance, user=None, **kwargs):
    """A review stopped in the admin ("Annuller arbejdsgang"): the submitter is told she may send it again."""
    page = WorkshopOutcomePage.objects.filter(pk=instance.object_id).first()
    if page is not None and not page.live:
        notify_review_stopped(page, user)


def idea_written(**kwargs):
    """Any idea saved or deleted (published with its outcome, moved on, removed): what shows ideas moves on."""
    versions.bump(IDEAS_VERSION)


def connect():
    post_save.connect(idea_written, sender=Idea, dispatch_uid="workshops_idea_saved")
    post_delete.connect(idea_written, sender=Idea, dispatch_uid="workshops_idea_deleted")
    task_submitted.connect(outcome_submitted, sender=TaskState, dispatch_uid="workshops_outcome_submitted")
    task_approved.connect(outcome_decided, sender=TaskState, dispatch_uid="workshops_outcome_approved")
    task_rejected.connect(outcome_decided, sender=TaskState, dispatch_uid="workshops_outcome_rejected")
    workflow_cancelled.connect(review_stopped, sender=WorkflowState, dispatch_uid="workshops_review_stopped")
    page_published.connect(sync_ideas_on_publish, sender=WorkshopOutcomePage, dispatch_uid="workshops_sync_ideas")
    page_published.connect(reindex_outcome, sender=WorkshopOutcomePage, dispatch_uid="workshops_reindex_outcome")
    page_published.connect(
        reindex_project_outcomes, sender=ProjectPage, dispatch_uid="workshops_reindex_project_outcomes"
    )
    page_published.connect(
        announce_first_publication, sender=WorkshopOutcomePage, dispatch_uid="workshops_announce_outcome"
    )
