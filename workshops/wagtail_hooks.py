"""Admin integration: the idea list, the outcomes' section of the moderation queue, safe workflow decisions."""

import json

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

from core.moderation import MODERATION_SECTIONS_HOOK, ModerationSection
from core.names import display_name
from core.privacy import visible
from core.search import SEARCH_SOURCE_HOOK, SearchSource, result, stream_text
from core.viewsets import ReadOnlySnippetViewSet
from notifications.kinds import Followable
from reactions.registry import Reactable
from reactions.services import with_reaction_count

from . import notifications, report, review, services, views
from .models import (
    Idea,
    IdeaStatusChange,
    ProjectLeadApprovalTask,
    WorkshopOutcomePage,
    projects_of,
    queue_url,
)


@hooks.register("register_notification_kinds")
def outcome_notification_kinds():
    return notifications.kinds()


@hooks.register("register_reactables")
def outcomes_and_ideas_can_be_supported():
    return [
        Reactable(WorkshopOutcomePage, is_available=lambda page: page.live),
        Reactable(
            Idea,
            is_available=lambda idea: idea.outcome.live,
            url=lambda idea: f"{idea.outcome.url}#ide-{idea.pk}",
            action_label=gettext_lazy("Støt idéen"),
            undo_label=gettext_lazy("Træk din støtte tilbage"),
            count_singular=gettext_lazy("%(count)s person støtter idéen"),
            count_plural=gettext_lazy("%(count)s personer støtter idéen"),
            list_title=gettext_lazy("Dem, der støtter idéen “%(title)s”"),
        ),
    ]


@hooks.register("register_followables")
def outcomes_can_be_followed():
    return [Followable(WorkshopOutcomePage, gettext_lazy("workshopresultat"), is_available=lambda page: page.live)]


class IdeaViewSet(ReadOnlySnippetViewSet):
    """Ideas come from approved outcomes and move only through the lead's status form (with history).

    Those with ``workshops.view_idea`` (Kommunikation, leads, moderators) list, filter, inspect
    and export them; nobody adds, edits or deletes one here (``core.viewsets``).
    """

    model = Idea
    icon = "pick"
    menu_label = gettext_lazy("Idéer")
    menu_order = 250
    add_to_admin_menu = True
    # block_id and sort_order tie an idea to its outcome's StreamField: internal, and untranslated.
    inspect_view_fields_exclude = ["block_id", "sort_order"]
    list_display = [
        "title",
        Column("status", label=gettext_lazy("Status"), accessor="get_status_display", sort_key="status"),
        Column("support", label=gettext_lazy("Støtte"), accessor="support_count", sort_key="support_count"),
        Column("project", label=gettext_lazy("Projekt"), accessor="project", sort_key="project__title"),
        Column("outcome", label=gettext_lazy("Workshopresultat"), accessor="outcome", sort_key="outcome__title"),
        DateColumn("status_changed_at", label=gettext_lazy("Status ændret"), sort_key="status_changed_at"),
    ]
    list_filter = ["status", "project"]
    search_fields = ["title", "description"]
    list_per_page = 50
    list_export = [
        "title",
        "description",
        "get_status_display",
        "project",
        "outcome",
        "outcome.workshop_date",
        "status_changed_at",
        "support_count",
    ]
    export_headings = {
        "get_status_display": gettext_lazy("Status"),
        "project": gettext_lazy("Projekt"),
        "outcome": gettext_lazy("Workshopresultat"),
        "outcome.workshop_date": gettext_lazy("Workshopdato"),
        "status_changed_at": gettext_lazy("Status ændret"),
        "support_count": gettext_lazy("Støtte"),
    }
    export_filename = "ideer"

    def get_queryset(self, request):
        return with_reaction_count(Idea.objects.select_related("project", "outcome"), name="support_count")


register_snippet(IdeaViewSet)


@hooks.register("project_page_sections", order=20)
def outcomes_of_the_project(request, project):
    """The submission link and the approved outcomes this reader may see, newest workshop first (drafts never show)."""
    outcomes = WorkshopOutcomePage.objects.live().child_of(project).order_by("-workshop_date", "-pk")
    return {
        "template": "workshops/project_outcomes.html",
        "context": {"project": project, "outcomes": list(visible(outcomes, request))},
    }


@hooks.register("project_page_routes")
def outcome_submission_route():
    """``<project-url>indsend/``: the front-end form for a workshop outcome, under every project."""
    return [path("indsend/", submit_outcome_under, name="submit_outcome")]


def submit_outcome_under(project, request):
    """Called as a method of the project page (``RoutablePageMixin`` binds its route views)."""
    return views.submit_outcome(request, project)


class OutcomesAwaitingSection(ModerationSection):
    """Outcomes awaiting this reviewer's decision, in the moderation queue at /moderering/.

    A reviewer who decided second is sent here with ``?afgjort=<page id>`` (the return value of
    :meth:`ProjectLeadApprovalTask.on_action`) and told who decided first.
    """

    key = "outcomes"
    order = 10
    template_name = "workshops/moderation_section.html"

    def count(self):
        return services.count_awaiting(self.user)

    def summary(self, count):
        return ngettext(
            "%(count)s workshopresultat til godkendelse", "%(count)s workshopresultater til godkendelse", count
        ) % {"count": count}

    def get_context_data(self, parent_context=None):
        request = (parent_context or {}).get("request")
        decided = request.GET.get("afgjort", "") if request else ""
        if decided.isdigit():
            explain_decision_taken(request, int(decided))
        return {"outcomes": services.outcomes_awaiting(self.user)}


def explain_decision_taken(request, page_id):
    shown = review.decision_shown_to(page_id, request.user)
    if shown is None:
        return
    page, decision = shown
    verdict = _("godkendt") if decision.status == decision.STATUS_APPROVED else _("sendt tilbage med ændringer")
    who = display_name(decision.finished_by) or _("en anden")
    messages.warning(
        request,
        _("“%(title)s” er allerede %(verdict)s af %(who)s. Din beslutning blev ikke gemt.")
        % {"title": page.title, "verdict": verdict, "who": who},
    )


@hooks.register(MODERATION_SECTIONS_HOOK)
def outcomes_awaiting_section(user):
    return OutcomesAwaitingSection(user) if services.is_reviewer(user) else None


@hooks.register("before_edit_page")
def decide_outcome_in_one_step(request, page):
    """Take the approve / request-changes button of an outcome's edit screen through the task alone.

    Wagtail's edit view would first save its form with the page as it was loaded; when
    another reviewer has just approved, that save would write the stale "not live" page over the
    published one. Reviewers decide on what the submitter wrote (the submitter edits it), so the
    decision is all this request does: the task's ``on_action`` claims it atomically and the
    second reviewer gets a clear message instead of a second decision.
    """
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    if not isinstance(page.specific, WorkshopOutcomePage):
        return None
    action = request.POST.get("workflow-action-name", "")
    task_state = page.current_workflow_task_state
    task = task_state.task.specific if task_state else None
    if not isinstance(task, ProjectLeadApprovalTask):
        return redirect_after_conflict(request, page)
    if action not in {name for name, _label, _modal in task.get_actions(page, request.user)}:
        messages.error(request, _("Du kan ikke træffe den beslutning om dette workshopresultat."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    try:
        extra = json.loads(request.POST.get("workflow-action-extra-data") or "{}")
    except ValueError:
        extra = {}
    form = task.get_form_for_action(action)(extra if isinstance(extra, dict) else {})
    if not form.is_valid():
        messages.error(request, _("Skriv en kommentar til indsenderen om, hvad der skal ændres."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    if task.on_action(task_state, request.user, action, **form.cleaned_data) is not None:
        return redirect_after_conflict(request, page)
    if action == "approve":
        messages.success(request, _("“%(title)s” er godkendt og udgivet.") % {"title": page.title})
    else:
        messages.success(request, _("Indsenderen er bedt om ændringer til “%(title)s”.") % {"title": page.title})
    return redirect("moderation_queue")


def redirect_after_conflict(request, page):
    return redirect(queue_url(decided=page.pk))


def attach_projects(outcomes):
    """Each outcome's project (its parent page), for all outcomes of a result page in one query."""
    projects = projects_of(outcomes)
    for outcome in outcomes:
        outcome.search_project = projects[outcome.pk]


@hooks.register(SEARCH_SOURCE_HOOK)
def outcome_search_source():
    """Published workshop outcomes on /soeg/; drafts, outcomes in review and sent back are not live."""

    def queryset(visibility):
        return visibility.pages(WorkshopOutcomePage)

    def to_result(page, request):
        project = page.search_project
        return result(
            page.title,
            page.get_url(request),
            [project.title if project else "", date_format(page.workshop_date, "j. F Y")],
            [page.introduction, page.summary, page.method, *stream_text(page.ideas), page.next_steps],
        )

    return SearchSource(
        "workshopresultater",
        gettext_lazy("Workshopresultater"),
        WorkshopOutcomePage,
        queryset,
        to_result,
        date_field="workshop_date",
        prepare=attach_projects,
        order=30,
    )


@hooks.register(SEARCH_SOURCE_HOOK)
def idea_search_source():
    """The ideas of published outcomes on /soeg/, linked to their place on the outcome page."""

    def queryset(visibility):
        return Idea.objects.filter(outcome__in=visibility.pages(WorkshopOutcomePage)).select_related(
            "outcome", "project"
        )

    def to_result(idea, request):
        return result(
            idea.title,
            f"{idea.outcome.get_url(request)}#ide-{idea.pk}",
            [idea.get_status_display(), idea.outcome.title],
            [idea.description],
        )

    return SearchSource(
        "ideer",
        gettext_lazy("Idéer"),
        Idea,
        queryset,
        to_result,
        date_field="created_at",
        # An outcome unpublished takes its ideas out of the results.
        invalidated_by=(WorkshopOutcomePage,),
        order=40,
        aliases=("idéer",),
    )


@hooks.register("person_data_export")
def export_workshop_contributions(user):
    """For people/departure.py: the person's submitted outcomes (kept on anonymising), facilitations, idea moves."""
    submitted = WorkshopOutcomePage.objects.filter(owner=user).order_by("pk")
    facilitated = WorkshopOutcomePage.objects.filter(facilitators=user).order_by("pk")
    return {
        "workshop_submissions": [
            {"id": page.pk, "title": page.title, "workshop_date": str(page.workshop_date), "live": page.live}
            for page in submitted
        ],
        "workshops_facilitated": [{"id": page.pk, "title": page.title} for page in facilitated],
        "idea_status_changes": [
            {
                "idea": change.idea_id,
                "from": change.from_status,
                "to": change.to_status,
                "at": change.changed_at.isoformat(),
            }
            for change in IdeaStatusChange.objects.filter(changed_by=user).order_by("pk")
        ],
    }


@hooks.register("before_bulk_action")
def outcome_rules_in_bulk(request, action_type, objects, action_class_instance):
    """Wagtail's bulk publish, unpublish and move follow the outcome rules (``services.bulk_action_refusal``)."""
    if not issubclass(action_class_instance.model, Page):
        return None
    refusal = services.bulk_action_refusal(request.user, action_type, objects)
    if refusal is None:
        return None
    messages.error(request, refusal)
    return redirect(action_class_instance.next_url)


class ReportMenuItem(MenuItem):
    """The strategy report (/rapport/) in the admin menu, for the roles that may see it."""

    def is_shown(self, request):
        return report.can_see_report(request.user)


@hooks.register("register_admin_menu_item")
def report_menu_item():
    return ReportMenuItem(gettext_lazy("Rapport"), reverse("workshops:report"), icon_name="doc-full", order=245)
