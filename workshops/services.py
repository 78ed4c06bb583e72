"""The rules of the outcome workflow and the idea pipeline; views only call these."""

import uuid
from datetime import timedelta
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.models import Page, WorkflowState

from core import versions
from core.invalidation import DRAFTS, PAGES
from core.text import free_child_slug
from people import roles
from projects.models import ProjectPage

from .choices import IdeaStatus
from .models import (
    IDEAS_VERSION,
    Idea,
    IdeaStatusChange,
    OutcomeAttachment,
    ProjectLeadApprovalTask,
    WorkshopOutcomePage,
    projects_of,
)

RESERVED_SLUGS = {"indsend"}


class OutcomeLocked(Exception):
    """The outcome awaits review (or is published): the submitter cannot change it now."""


class TooManySubmissions(Exception):
    """The person has submitted ``MAX_SUBMISSIONS_PER_HOUR`` outcomes within the last hour."""


MAX_SUBMISSIONS_PER_HOUR = 20


class IdeaMoveRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


# --- Submission --------------------------------------------------------------------
def unique_slug(parent, title):
    return free_child_slug(parent, title, "workshop", RESERVED_SLUGS)


def apply_outcome_data(page, data, ideas):
    """Copy the cleaned form into the page. Text stays plain text: templates escape it."""
    page.title = data["title"]
    page.draft_title = data["title"]
    page.workshop_date = data["workshop_date"]
    page.employee_participants = data["employee_participants"]
    page.citizen_participants = data["citizen_participants"]
    page.method = data["method"]
    page.summary = data["summary"]
    page.next_steps = data.get("next_steps", "")
    page.introduction = Truncator(" ".join(data["summary"].split())).chars(300)
    page.facilitators = list(data["facilitators"])
    page.ideas = [
        {
            "type": "idea",
            "value": {"title": idea["title"], "description": idea["description"]},
            "id": idea.get("block_id") or str(uuid.uuid4()),
        }
        for idea in ideas
    ]


def _add_attachments(page, files, user):
    for upload in files:
        OutcomeAttachment.objects.create(
            outcome=page, file=upload, original_name=Path(upload.name).name[:255], size=upload.size, uploaded_by=user
        )


def submit_outcome(project, user, data, ideas, files):
    """Create the draft under ``project``, owned by ``user``, with a revision, and start the workflow.

    Returns ``(page, created)``. The form's token makes a repeated POST (double click, reload)
    return the outcome the first one created instead of a second copy.
    """
    token = data["token"]
    existing = WorkshopOutcomePage.objects.filter(submission_token=token).first()
    if existing is not None:
        if existing.owner_id != user.pk:
            raise PermissionDenied
        return existing, False
    try:
        with transaction.atomic():
            if submissions_last_hour(user) >= MAX_SUBMISSIONS_PER_HOUR:
                raise TooManySubmissions
            page = WorkshopOutcomePage(
                owner=user, live=False, submission_token=token, slug=unique_slug(project, data["title"])
            )
            apply_outcome_data(page, data, ideas)
            project.add_child(instance=page)
            page.save_revision(user=user, log_action=True)
            _add_attachments(page, files, user)
            page.get_workflow().start(page, user)
    except IntegrityError:
        existing = WorkshopOutcomePage.objects.filter(submission_token=token, owner=user).first()
        if existing is None:
            raise
        return existing, False
    return page, True


def submissions_last_hour(user):
    """Outcomes the person sent in during the last hour: each submission starts one workflow."""
    since = timezone.now() - timedelta(hours=1)
    return WorkflowState.objects.filter(
        requested_by=user,
        created_at__gte=since,
        content_type=ContentType.objects.get_for_model(WorkshopOutcomePage),
    ).count()


def can_edit(page, user):
    """The submitter edits when the reviewer asked for changes, or when no review is under way (a
    reviewer stopped it in the admin, or the outcome was taken down): never while it waits."""
    if page.owner_id != user.pk or page.live:
        return False
    state = page.current_workflow_state
    return state is None or state.status == WorkflowState.STATUS_NEEDS_CHANGES


def resubmit_outcome(page, user, data, ideas, files, remove=()):
    """Save the submitter's changes as a new revision of the same page and send it (back) for review."""
    with transaction.atomic():
        # Lock the page: a second resubmission waits here and then finds the outcome in review.
        locked = WorkshopOutcomePage.objects.select_for_update().get(pk=page.pk)
        if locked.owner_id != user.pk:
            raise PermissionDenied
        if not can_edit(locked, user):
            raise OutcomeLocked
        draft = locked.get_latest_revision_as_object()
        apply_outcome_data(draft, data, ideas)
        draft.save()
        draft.save_revision(user=user, log_action=True)
        OutcomeAttachment.objects.filter(outcome=locked, pk__in=[item.pk for item in remove]).delete()
        _add_attachments(locked, files, user)
        state = locked.current_workflow_state
        if state is not None:
            state.resume(user=user)
        else:  # the review was stopped: this is a new submission
            locked.get_workflow().start(locked, user)
    return draft


# --- Following one's submissions -----------------------------------------------------------
STATUS_PENDING = "afventer"
STATUS_CHANGES = "aendringer"
STATUS_PUBLISHED = "publiceret"
STATUS_DRAFT = "kladde"


def submission_status(page, state=None):
    """What the submitter sees: code, label, and the reviewer's comment when changes are wanted.

    ``state`` is the page's active workflow state when the caller fetched it already.
    """
    if page.live:
        return {"code": STATUS_PUBLISHED, "label": _("Godkendt og udgivet"), "comment": ""}
    if state is None:
        state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return {"code": STATUS_PENDING, "label": _("Afventer godkendelse"), "comment": ""}
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        task_state = state.current_task_state
        return {
            "code": STATUS_CHANGES,
            "label": _("Ændringer ønsket"),
            "comment": task_state.comment if task_state else "",
            "reviewer": task_state.finished_by if task_state else None,
        }
    return {"code": STATUS_DRAFT, "label": _("Kladde: ikke sendt til godkendelse"), "comment": ""}


def submissions_of(user):
    """The user's outcomes with their status, in a fixed number of queries."""
    pages = list(WorkshopOutcomePage.objects.filter(owner=user).order_by("-latest_revision_created_at", "-pk"))
    states = {
        int(state.object_id): state
        for state in WorkflowState.objects.active()
        .filter(base_content_type=ContentType.objects.get_for_model(Page), object_id__in=[str(p.pk) for p in pages])
        .select_related("current_task_state__finished_by")
    }
    projects = projects_of(pages)
    return [
        {
            "page": page,
            "status": submission_status(page, states.get(page.pk)),
            "project": projects[page.pk],
        }
        for page in pages
    ]


# --- The idea pipeline ------------------------------------------------------------
def sync_ideas(page):
    """Make the published outcome's ideas records; statuses already given are kept."""
    project = page.project
    if project is None:
        return
    seen = []
    for position, block in enumerate(page.ideas):
        if block.block_type != "idea":
            continue
        seen.append(block.id)
        Idea.objects.update_or_create(
            outcome=page,
            block_id=block.id,
            defaults={
                "project": project,
                "title": block.value["title"],
                "description": block.value["description"],
                "sort_order": position,
            },
        )
    Idea.objects.filter(outcome=page).exclude(block_id__in=seen).delete()


def move_idea(idea, user, from_status, to_status):
    """Move an idea one step in its pipeline and record who did it.

    ``from_status`` is the status the lead saw: if someone moved the idea meanwhile the
    conditional update matches nothing and the move is refused with an explanation.
    """
    if not idea.outcome.ideas_movable_by(user):
        raise PermissionDenied
    if IdeaStatus(to_status) not in idea.allowed_moves() or from_status != idea.status:
        if from_status != idea.status:
            raise IdeaMoveRefused(_("Idéen er flyttet af en anden i mellemtiden. Se den nye status og prøv igen."))
        raise IdeaMoveRefused(
            _("En idé med status %(from)s kan ikke flyttes til %(to)s.")
            % {"from": IdeaStatus(idea.status).label, "to": IdeaStatus(to_status).label}
        )
    with transaction.atomic():
        now = timezone.now()
        moved = Idea.objects.filter(pk=idea.pk, status=from_status).update(status=to_status, status_changed_at=now)
        if not moved:
            raise IdeaMoveRefused(_("Idéen er flyttet af en anden i mellemtiden. Se den nye status og prøv igen."))
        IdeaStatusChange.objects.create(idea=idea, from_status=from_status, to_status=to_status, changed_by=user)
        versions.bump(IDEAS_VERSION)  # the outcome page keeps its ideas (WorkshopOutcomePage.published_parts)
    idea.status = to_status
    idea.status_changed_at = now
    return idea


# --- Bulk actions in the admin ------------------------------------------------------------
def bulk_action_refusal(user, action_type, pages):
    """Why a bulk page action (Wagtail's page listing) may not touch outcomes, or None.

    Wagtail checks each page of a bulk action with the plain page permission tester, so the
    outcome rules of :class:`OutcomePermissionTester` must be repeated here: outcomes go live
    only through review, and an outcome in review (or sent back to its submitter) is neither
    unpublished nor moved, in the selection or under a selected page. Superusers may.
    """
    if user.is_superuser or action_type not in ("publish", "unpublish", "move") or not pages:
        return None
    within = Q()
    for page in pages:
        within |= Q(path__startswith=page.path)
    outcomes = WorkshopOutcomePage.objects.filter(within)
    if action_type == "publish" and outcomes.exists():
        return _("Workshopresultater udgives kun ved at blive godkendt. Intet blev udgivet.")
    in_review = WorkflowState.objects.active().filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(pk) for pk in outcomes.values_list("pk", flat=True)],
    )
    if action_type in ("unpublish", "move") and in_review.exists():
        return _(
            "Et eller flere workshopresultater er til godkendelse eller sendt tilbage til indsenderen "
            "og kan ikke flyttes eller afpubliceres nu. Intet blev ændret."
        )
    return None


# --- Review queue and report ----------------------------------------------------------------
def led_project_paths(user):
    """Tree paths of the projects ``user`` leads, published or not, kept until a page changes (a new
    lead is a page save; ``drafts``: a project not yet published counts too)."""
    return versions.cached(
        ("workshops.led_project_paths", user.pk),
        [PAGES, DRAFTS],
        lambda: list(ProjectPage.objects.filter(lead_id=user.pk).values_list("path", flat=True)),
    )


def is_reviewer(user):
    """Reviews workshop outcomes: a Moderator, or the lead of a project (superusers may help)."""
    return user.is_superuser or roles.has_role(user, roles.MODERATORS) or bool(led_project_paths(user))


def outcomes_awaiting(user):
    """Outcomes whose current review this user can decide, oldest first, in three queries whatever their number.

    The rule is :func:`~workshops.models.user_can_review`'s, applied in the query: never one's own
    submission; a Moderator (or superuser) reviews every outcome, a lead those under their projects.
    """
    from wagtail.models import TaskState

    if not (user.is_authenticated and user.is_active):
        return []
    outcomes = WorkshopOutcomePage.objects.exclude(owner_id=user.pk)
    if not (user.is_superuser or roles.has_role(user, roles.MODERATORS)):
        paths = led_project_paths(user)
        if not paths:
            return []
        under_led = Q(pk__in=[])
        for path in paths:
            under_led |= Q(path__startswith=path)
        outcomes = outcomes.filter(under_led)
    states = (
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            task__in=ProjectLeadApprovalTask.objects.values("task_ptr_id"),
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id__in=outcomes.annotate(key=Cast("pk", CharField())).values("key"),
        )
        .select_related("workflow_state")
        .order_by("started_at", "pk")
    )
    by_page = {int(state.workflow_state.object_id): state for state in states}
    pages = list(WorkshopOutcomePage.objects.filter(pk__in=by_page).select_related("owner").defer_streamfields())
    projects = projects_of(pages)
    items = [{"page": page, "task_state": by_page[page.pk], "project": projects[page.pk]} for page in pages]
    return sorted(items, key=lambda item: item["task_state"].started_at)


def count_awaiting(user):
    """How many outcomes :func:`outcomes_awaiting` lists for ``user``, in a fixed number of queries.

    For the dashboard, which shows only the number: the task decides whose queue an outcome is in
    (:meth:`ProjectLeadApprovalTask.get_task_states_user_can_moderate` applies the rule of
    ``user_can_review``), so no page needs to be loaded one by one.
    """
    from wagtail.models import TaskState

    object_ids = (
        TaskState.objects.reviewable_by(user)
        .filter(status=TaskState.STATUS_IN_PROGRESS)
        .values_list("workflow_state__object_id", flat=True)
    )
    page_ids = {int(object_id) for object_id in object_ids if object_id.isdigit()}
    return WorkshopOutcomePage.objects.filter(pk__in=page_ids).exclude(owner=user).count()
