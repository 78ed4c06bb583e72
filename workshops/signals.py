"""Signal wiring: ideas become records when an outcome is published; Wagtail's workflow emails skip outcomes."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import WorkflowState
from wagtail.signals import page_published, workflow_approved, workflow_rejected, workflow_submitted

# dispatch_uid of the receivers wagtail.admin connects in its own ready().
WAGTAIL_WORKFLOW_EMAILS = [
    (workflow_submitted, "workflow_submission_email_notifier", "workflow_state_submitted_email_notification"),
    (workflow_rejected, "workflow_rejection_email_notifier", "workflow_state_rejected_email_notification"),
    (workflow_approved, "workflow_approval_email_notifier", "workflow_state_approved_email_notification"),
]


def sync_ideas_on_publish(sender, instance, **kwargs):
    from .services import sync_ideas

    sync_ideas(instance)


def reindex_outcome(sender, instance, **kwargs):
    """The search index holds the facilitators' names, which are stored only after the page itself."""
    from wagtail.search import index

    index.insert_or_update_object(instance)


def reindex_project_outcomes(sender, instance, **kwargs):
    """An outcome is found by its project's name: a renamed project takes its outcomes along."""
    from wagtail.search import index

    from .models import WorkshopOutcomePage

    for outcome in WorkshopOutcomePage.objects.child_of(instance).live():
        index.insert_or_update_object(outcome)


def is_outcome_state(workflow_state):
    from .models import WorkshopOutcomePage

    return workflow_state.content_type_id == ContentType.objects.get_for_model(WorkshopOutcomePage).pk


def skipping_outcomes(notifier):
    """Wagtail's notifier for every other workflow; outcomes get ``workshops.notifications`` instead."""

    def receiver(sender, instance, **kwargs):
        if is_outcome_state(instance):
            return None
        return notifier(sender=sender, instance=instance, **kwargs)

    return receiver


def connect():
    from wagtail.admin import signal_handlers as wagtail_emails

    from projects.models import ProjectPage

    from .models import WorkshopOutcomePage

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
