"""Thin views over ``workshops.services``: submission, one's submissions, the report, attachments, ideas."""

import contextlib
import datetime
import hashlib
import json
import mimetypes
import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core import versions
from core.privacy import may_view
from core.spreadsheets import BOM, CSV_DIALECT, csv_writer

from . import review, services
from .choices import IdeaStatus
from .forms import IdeaFormSet, IdeaMoveForm, OutcomeForm, ReviewDecisionForm, unbound_copy
from .models import Idea, OutcomeAttachment, WorkshopOutcomePage, queue_url, user_can_review
from .report import REPORT_SORTS, can_see_report, report_chart, strategy_report


def _render_form(request, project, form, formset, *, outcome=None, focus_last_idea=False, status=200):
    return render(
        request,
        "workshops/outcome_form.html",
        {
            "project": project,
            "outcome": outcome,
            "form": form,
            "formset": formset,
            "focus_last_idea": focus_last_idea,
            # A browser never sends chosen files again: after a refusal, the person is asked to choose them anew.
            "files_to_choose_again": status != 200 and bool(request.FILES.getlist("attachments")),
            # The reviewer's request for changes, shown at the top of the submitter's edit form.
            "review_status": services.submission_status(outcome) if outcome is not None else None,
        },
        status=status,
    )


def initial_from_query(query):
    """Values a link may fill in (the calendar's "Indsend resultat"): ``titel``, ``dato``, ``facilitatorer``.

    Only initial data: the person still sees and submits the form, and the form checks everything.
    """
    initial = {}
    title = query.get("titel", "").strip()
    if title:
        initial["title"] = title[:200]
    with contextlib.suppress(ValueError):
        initial["workshop_date"] = datetime.date.fromisoformat(query.get("dato", ""))
    facilitators = [value for value in query.getlist("facilitatorer") if value.isdigit()]
    if facilitators:
        initial["facilitators"] = [int(value) for value in facilitators]
    return initial


def submit_outcome(request, project):
    """``<project-url>indsend/``: any employee submits a workshop outcome to this project."""
    if request.method == "POST":
        if "add_idea" in request.POST:
            form, formset = unbound_copy(OutcomeForm, IdeaFormSet, request.POST, extra_idea=True)
            return _render_form(request, project, form, formset, focus_last_idea=True)
        form = OutcomeForm(request.POST, request.FILES)
        formset = IdeaFormSet(request.POST)
        form_valid, formset_valid = form.is_valid(), formset.is_valid()
        if form_valid and formset_valid:
            try:
                page, created = services.submit_outcome(
                    project, request.user, form.cleaned_data, formset.ideas, form.cleaned_data["attachments"]
                )
            except services.TooManySubmissions:
                form.add_error(
                    None,
                    _("Du har indsendt %(max)s workshopresultater inden for den seneste time. Vent lidt, og prøv igen.")
                    % {"max": services.MAX_SUBMISSIONS_PER_HOUR},
                )
                return _render_form(request, project, form, formset, status=429)
            if created:
                messages.success(
                    request,
                    _("Tak! “%(title)s” er sendt til godkendelse hos projektlederen.") % {"title": page.title},
                )
            else:
                messages.info(request, _("“%(title)s” var allerede indsendt.") % {"title": page.title})
            return redirect("workshops:my_submissions")
        return _render_form(request, project, form, formset, status=400)
    form = OutcomeForm(initial={"token": uuid.uuid4(), **initial_from_query(request.GET)})
    formset = IdeaFormSet(initial=[{}])
    return _render_form(request, project, form, formset)


def edit_outcome(request, page_id):
    """The submitter's edit of an outcome sent back for changes; resubmitting restarts the review."""
    page = get_object_or_404(WorkshopOutcomePage, pk=page_id, owner=request.user)
    project = page.project
    if not services.can_edit(page, request.user):
        messages.warning(request, _("“%(title)s” kan ikke ændres nu.") % {"title": page.title})
        return redirect("workshops:my_submissions")
    draft = page.get_latest_revision_as_object()
    if request.method == "POST":
        if "add_idea" in request.POST:
            form, formset = unbound_copy(OutcomeForm, IdeaFormSet, request.POST, outcome=page, extra_idea=True)
            return _render_form(request, project, form, formset, outcome=page, focus_last_idea=True)
        form = OutcomeForm(request.POST, request.FILES, outcome=page)
        formset = IdeaFormSet(request.POST)
        form_valid, formset_valid = form.is_valid(), formset.is_valid()
        if form_valid and formset_valid:
            try:
                resubmitted = services.resubmit_outcome(
                    page,
                    request.user,
                    form.cleaned_data,
                    formset.ideas,
                    form.cleaned_data["attachments"],
                    form.cleaned_data.get("remove_attachments") or (),
                )
            except services.OutcomeLocked:
                messages.warning(request, _("“%(title)s” er allerede sendt til godkendelse.") % {"title": page.title})
                return redirect("workshops:my_submissions")
            messages.success(
                request,
                _("Dine ændringer er gemt, og “%(title)s” er sendt til godkendelse igen.")
                % {"title": resubmitted.title},
            )
            return redirect("workshops:my_submissions")
        return _render_form(request, project, form, formset, outcome=page, status=400)
    form = OutcomeForm(
        outcome=page,
        initial={
            "title": draft.title,
            "workshop_date": draft.workshop_date,
            "facilitators": list(draft.facilitators.all()),
            "employee_participants": draft.employee_participants,
            "citizen_participants": draft.citizen_participants,
            "method": draft.method,
            "summary": draft.summary,
            "next_steps": draft.next_steps,
            "token": page.submission_token or uuid.uuid4(),
            "revision": page.latest_revision_id,
        },
    )
    formset = IdeaFormSet(
        initial=[
            {"title": block.value["title"], "description": block.value["description"], "block_id": block.id}
            for block in draft.ideas
        ]
    )
    return _render_form(request, project, form, formset, outcome=page)


def review_outcome(request, page_id):
    """The reviewer's screen: the outcome as it will be published, what changed, earlier comments, the decision.

    The decision goes through the outcome's Wagtail workflow task (``review.decide_outcome``),
    the same as the admin's edit screen, which stays available.
    """
    page = get_object_or_404(WorkshopOutcomePage.objects.select_related("owner"), pk=page_id)
    if not user_can_review(page, request.user):
        raise PermissionDenied
    task_state = review.review_task_state(page)
    if task_state is None:
        messages.info(request, _("“%(title)s” venter ikke på en beslutning.") % {"title": page.draft_title})
        return redirect(queue_url(decided=page.pk))
    form = ReviewDecisionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            action = form.cleaned_data["action"]
            try:
                review.decide_outcome(page, request.user, action, form.cleaned_data["comment"])
            except review.DecisionConflict:
                return redirect(queue_url(decided=page.pk))
            if action == review.APPROVE:
                messages.success(request, _("“%(title)s” er godkendt og udgivet.") % {"title": page.draft_title})
            else:
                messages.success(
                    request, _("Indsenderen er bedt om ændringer til “%(title)s”.") % {"title": page.draft_title}
                )
            return redirect(queue_url())
        status = 400
    return _render_outcome_view(request, page, task_state, form=form, status=status)


def _render_outcome_view(request, page, task_state, *, form=None, status=200):
    revision = task_state.revision if task_state and task_state.revision_id else page.get_latest_revision()
    # A revision never changes: the outcome as it stood then is kept (its facilitators are read when drawn).
    outcome = versions.cached(("outcome-revision", revision.pk), [], revision.as_object) if revision else page
    rounds = review.review_rounds(page)
    return render(
        request,
        "workshops/review_outcome.html",
        {
            "page": page,
            "outcome": outcome,
            "project": page.project,
            "task_state": task_state,
            "attachments": page.attachments.order_by("pk"),
            "rounds": [state for state in rounds if state.comment or state.status == state.STATUS_REJECTED],
            "changes": review.changes_since_last_round(page, task_state, rounds, request) if form else None,
            "form": form,
            "status": services.submission_status(page),
        },
        status=status,
    )


@require_GET
def view_own_outcome(request, page_id):
    """A submitter reads her own unpublished outcome as the reviewer sees it, without changing it."""
    page = get_object_or_404(WorkshopOutcomePage.objects.select_related("owner"), pk=page_id, owner=request.user)
    if page.live:
        return redirect(page.get_url(request))
    return _render_outcome_view(request, page, review.review_task_state(page))


@require_GET
def my_submissions(request):
    return render(request, "workshops/my_submissions.html", {"submissions": services.submissions_of(request.user)})


@require_GET
def report(request):
    if not can_see_report(request.user):
        raise PermissionDenied
    sort = request.GET.get("sortering", "projekt")
    data = strategy_report(sort if sort in REPORT_SORTS else "projekt")
    # Drawing 200 projects' rows and bars costs more than counting them; the drawing is cached
    # under a digest of the figures, so it can never be stale.
    digest = hashlib.sha256(json.dumps(data, default=str, sort_keys=True).encode()).hexdigest()
    return render(
        request,
        "workshops/report.html",
        {"report": data, "chart": report_chart(data), "report_digest": digest},
    )


@require_GET
def report_csv(request):
    if not can_see_report(request.user):
        raise PermissionDenied
    sort = request.GET.get("sortering", "projekt")
    data = strategy_report(sort if sort in REPORT_SORTS else "projekt")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="mental-frikommune-rapport-{stamp}.csv"'
    response.write(BOM)
    writer = csv_writer(response, **CSV_DIALECT)
    header = [_("Projekt"), _("Workshops"), _("Medarbejdere"), _("Borgere")]
    header += [_("Idéer: %(status)s") % {"status": status.label} for status in data["statuses"]]
    writer.writerow([*header, _("Idéer i alt"), _("Støtte til idéerne")])
    for row in data["rows"]:
        writer.writerow(
            [row["project"]["title"], row["workshops"], row["employees"], row["citizens"], *row["idea_counts"]]
            + [row["idea_total"], row["support"]]
        )
    total = data["total"]
    writer.writerow(
        [_("I alt"), total["workshops"], total["employees"], total["citizens"], *total["idea_counts"]]
        + [total["idea_total"], total["support"]]
    )
    return response


def may_see_outcome(page, user):
    return page.live or page.owner_id == user.pk or user_can_review(page, user)


@require_GET
def attachment(request, pk):
    """Attachments of unpublished outcomes exist only for their submitter and reviewers."""
    item = get_object_or_404(OutcomeAttachment.objects.select_related("outcome"), pk=pk)
    if not may_see_outcome(item.outcome, request.user) or not may_view(item.outcome, request):
        raise Http404
    content_type = mimetypes.guess_type(item.original_name)[0] or "application/octet-stream"
    inline = content_type in ("image/jpeg", "image/png", "application/pdf")
    response = FileResponse(
        item.file.open("rb"), content_type=content_type, as_attachment=not inline, filename=item.original_name
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response


@require_POST
def move_idea(request, pk):
    idea = get_object_or_404(Idea.objects.select_related("outcome"), pk=pk, outcome__live=True)
    if not idea.outcome.ideas_movable_by(request.user):
        raise PermissionDenied
    form = IdeaMoveForm(request.POST)
    if form.is_valid():
        try:
            services.move_idea(idea, request.user, form.cleaned_data["from_status"], form.cleaned_data["to_status"])
        except services.IdeaMoveRefused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(
                request,
                _("“%(title)s” har nu status %(status)s.")
                % {"title": idea.title, "status": IdeaStatus(idea.status).label},
            )
    else:
        messages.error(request, _("Vælg en gyldig ny status for idéen."))
    return redirect(idea.outcome.get_url(request) + f"#ide-{idea.pk}")
