"""The reviewer's screen: what awaits a decision, the rounds so far, what changed, and the decision itself."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from wagtail.admin.panels import ObjectList
from wagtail.models import Page, TaskState

from .models import ProjectLeadApprovalTask, WorkshopOutcomePage, user_can_review


class DecisionConflict(Exception):
    """Another reviewer decided first; the queue explains who decided what."""


def review_task_state(page):
    """The in-progress task state of the outcome's review, or None when nothing awaits a decision."""
    task_state = page.current_workflow_task_state
    if task_state is None or task_state.status != task_state.STATUS_IN_PROGRESS:
        return None
    if not isinstance(task_state.task.specific, ProjectLeadApprovalTask):
        return None
    return task_state


def review_rounds(page):
    """The earlier decisions on this outcome, oldest first: who, when, what and the comment given."""

    return list(
        TaskState.objects.filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id=str(page.pk),
            status__in=[TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED],
        )
        .select_related("finished_by")
        .order_by("finished_at", "pk")
    )


def changes_since_last_round(page, task_state, rounds, request=None):
    """What the submitter changed since the revision a reviewer last sent back.

    Uses the comparison Wagtail's own "compare revisions" screen draws from the page's edit panels
    (``wagtail.admin.compare``), so every field the admin knows is compared the same way.
    Returns None on the first round.
    """
    earlier = [state for state in rounds if state.status == state.STATUS_REJECTED and state.revision_id]
    if not earlier or task_state is None or task_state.revision_id is None:
        return None
    before = earlier[-1].revision
    if before.pk == task_state.revision_id:
        return []
    old, new = before.as_object(), task_state.revision.as_object()
    # The content panels only: what the submitter wrote (the settings tab's comments are not hers).
    model = page.specific_class
    panel = ObjectList(model.content_panels).bind_to_model(model).get_bound_panel(instance=page, request=request)
    changes = []
    for comparison_class in panel.get_comparison():
        comparison = comparison_class(old, new)
        if comparison.has_changed():
            changes.append({"label": comparison.field_label(), "diff": comparison.htmldiff()})
    return changes


APPROVE, REQUEST_CHANGES = "approve", "reject"


def decide_outcome(page, user, action, comment=""):
    """Approve or request changes through the outcome's Wagtail workflow task, exactly as the admin does.

    :meth:`ProjectLeadApprovalTask.on_action` checks the reviewer, claims the decision atomically,
    publishes on approval and sends our e-mails. Raises ``PermissionDenied`` for someone who may
    not decide and :class:`DecisionConflict` when another reviewer decided first.
    """
    task_state = review_task_state(page)
    if task_state is None:
        raise DecisionConflict
    task = task_state.task.specific
    if action not in {name for name, _label, _modal in task.get_actions(page, user)}:
        raise PermissionDenied
    if action == REQUEST_CHANGES and not comment.strip():
        raise ValueError("A request for changes needs a comment")
    if task.on_action(task_state, user, action, comment=comment) is not None:
        raise DecisionConflict


def decision_shown_to(page_id, user):
    """``(page, decision)`` for the "already decided" notice at ``/moderering/?afgjort=<id>``, or None.

    The notice names the outcome, the decision and the reviewer: only someone who may review that
    outcome (its project's lead, a Moderator) learns them; any other id answers nothing.
    """
    page = WorkshopOutcomePage.objects.filter(pk=page_id).first()
    if page is None or not user_can_review(page, user):
        return None
    decision = last_decision(page_id)
    return None if decision is None else (page, decision)


def last_decision(page_id):
    """Who decided an outcome last, for the reviewer who arrived second."""

    return (
        TaskState.objects.filter(
            workflow_state__object_id=str(page_id),
            status__in=[TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED],
        )
        .select_related("finished_by")
        .order_by("-finished_at", "-pk")
        .first()
    )
