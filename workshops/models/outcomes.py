from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.forms import TaskStateCommentForm
from wagtail.models import Page, PagePermissionTester, Task, TaskState, Workflow, WorkflowTask
from wagtail.search import index

from comments.mixins import CommentablePageMixin
from core import versions
from core.invalidation import PAGES
from core.memo import memoised
from core.models import BasePage
from core.names import name_card
from people import roles
from people.choosers import FilteredPersonCheckboxes
from people.models import PEOPLE_VERSION
from projects.models import ProjectPage
from reactions import services as reaction_services

from ..blocks import IdeasBlock

TEXT_MAX_LENGTH = 5000
MAX_PARTICIPANTS = 10000


def project_path(outcome_path):
    """The tree path of an outcome's project: outcomes hang directly under their project page."""
    return outcome_path[: -Page.steplen]


# The version (core/versions.py) of the ideas' statuses, moved by ``services.move_idea``; an outcome's
# ideas are otherwise written when it is published, which moves the page tree's version.
IDEAS_VERSION = "workshops:ideas"


def projects_of(outcomes):
    """``{outcome pk: its project}`` for many outcomes in one query."""
    by_path = ProjectPage.objects.in_bulk({project_path(outcome.path) for outcome in outcomes}, field_name="path")
    return {outcome.pk: by_path.get(project_path(outcome.path)) for outcome in outcomes}


class WorkshopOutcomePage(CommentablePageMixin, BasePage):
    """What came out of one idea workshop, submitted from the project page and approved by its lead.

    Created as a draft by ``workshops.services`` (never in the admin) and published by the
    workflow's :class:`ProjectLeadApprovalTask`. The ideas live in a StreamField so that every
    revision carries them; on publishing they become :class:`Idea` records with a status.
    """

    template = "workshops/workshop_outcome_page.html"

    workshop_date = models.DateField(_("workshopdato"))
    facilitators = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitatorer"),
        blank=True,
        related_name="facilitated_outcomes",
        limit_choices_to={"groups__name": roles.CHANGE_AGENTS},
    )
    employee_participants = models.PositiveIntegerField(_("antal deltagende medarbejdere"), default=0)
    citizen_participants = models.PositiveIntegerField(
        _("antal deltagende borgere"),
        default=0,
        help_text=_("Kun et antal: borgere nævnes aldrig ved navn."),
    )
    method = models.TextField(_("metode og øvelser"), max_length=TEXT_MAX_LENGTH)
    summary = models.TextField(_("opsummering"), max_length=TEXT_MAX_LENGTH)
    ideas = StreamField(IdeasBlock(), verbose_name=_("idéer"))
    next_steps = models.TextField(_("næste skridt"), blank=True, max_length=TEXT_MAX_LENGTH)
    # The hidden token of the submission form: a resubmitted POST finds the page it already created.
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("workshop_date"),
                FieldPanel("facilitators", widget=FilteredPersonCheckboxes),
                FieldRowPanel([FieldPanel("employee_participants"), FieldPanel("citizen_participants")]),
            ],
            heading=_("Workshoppen"),
        ),
        FieldPanel("method"),
        FieldPanel("summary"),
        FieldPanel("ideas"),
        FieldPanel("next_steps"),
    ]
    settings_panels = BasePage.settings_panels + CommentablePageMixin.comment_panels
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("method"),
        index.SearchField("ideas"),
        index.SearchField("next_steps"),
        # Found by the project it belongs to and by the change agents who led it.
        index.SearchField("search_project_title"),
        index.RelatedFields("facilitators", [index.SearchField("first_name"), index.SearchField("last_name")]),
        index.FilterField("workshop_date"),
    ]

    # Outcomes belong to the project they were submitted under and have no children.
    parent_page_types = ["projects.ProjectPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("workshopresultat")
        verbose_name_plural = _("workshopresultater")

    def get_workflow(self):
        """Always the outcome workflow, wherever the project sits in the tree.

        Wagtail normally takes a page's workflow from the nearest ancestor it is assigned to;
        outcomes are reviewed by *their* project's lead, so they use the workflow built around
        :class:`ProjectLeadApprovalTask` (https://docs.wagtail.org/en/stable/extending/custom_tasks.html).
        """
        return outcome_workflow() or super().get_workflow()

    @property
    def project(self):
        return ProjectPage.objects.filter(path=project_path(self.path)).first()

    def search_project_title(self):
        """The project's name, indexed with the outcome (a project is renamed rarely; ``update_index`` catches up)."""
        project = self.project if self.path else None
        return project.title if project else ""

    # Wagtail's own workflow e-mails tell the submitter about the decision; for outcomes they carry
    # the reviewer's comment and where to go next (templates/wagtailadmin/notifications/).
    workflow_email_templates = {
        "approved": "workshops/emails/approved.txt",
        "approved_subject": "workshops/emails/approved_subject.txt",
        "rejected": "workshops/emails/changes_requested.txt",
        "rejected_subject": "workshops/emails/changes_requested_subject.txt",
    }

    def latest_decision(self):
        """The last approval or request for changes on this outcome: who decided, when, and the comment."""
        return (
            TaskState.objects.filter(
                workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
                workflow_state__object_id=str(self.pk),
                status__in=[TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED],
            )
            .select_related("finished_by")
            .order_by("-finished_at", "-pk")
            .first()
        )

    def permissions_for_user(self, user):
        return OutcomePermissionTester(user, self)

    def comment_notification_recipients(self):
        """Whom comments/notifications.py tells about a new comment here: the submitter."""
        return [self.owner] if self.owner_id else []

    def ideas_movable_by(self, user):
        """Only the current lead of the outcome's project moves its ideas (superusers may help)."""
        if not (user.is_authenticated and user.is_active):
            return False
        return user.is_superuser or ProjectPage.objects.filter(path=project_path(self.path), lead=user).exists()

    def follow_targets(self):
        """Comments here reach those who follow this outcome or its project (comments/notifications.py)."""
        return [self, self.project]

    def published_parts(self):
        """What the published page shows of other records: its project, facilitators, files and ideas.

        Kept between requests under the versions of the page tree (publishing writes the ideas and
        files), the people (names) and the ideas' statuses; the same for every reader.
        """

        def load():
            project = self.project
            facilitators = [name_card(person) for person in self.facilitators.all()]
            if project is not None:
                project = {"title": project.title, "url": project.url, "lead_id": project.lead_id}
            return {
                "project": project,
                "facilitators": facilitators,
                "attachments": list(self.attachments.order_by("pk")),
                "ideas": list(self.idea_records.order_by("sort_order", "pk")),
            }

        return versions.cached(("outcome-page", self.pk), [PAGES, PEOPLE_VERSION, IDEAS_VERSION], load)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if not self.live or getattr(request, "is_preview", False):  # a draft in preview: as it stands
            context.update({"idea_records": None, "attachments": self.attachments.order_by("pk")})
            return context
        parts = self.published_parts()
        user = request.user
        # Each idea's support count and the reader's own, and the page's, in one query (reactions/).
        reaction_services.attach_together([parts["ideas"], [self]], user)
        lead_id = parts["project"]["lead_id"] if parts["project"] else None
        context.update(
            {
                "project_link": parts["project"],
                "facilitators": parts["facilitators"],
                "idea_records": parts["ideas"],
                "attachments": parts["attachments"],
                "can_move_ideas": user.is_authenticated
                and user.is_active
                and (user.is_superuser or (lead_id is not None and lead_id == user.pk)),
            }
        )
        return context


class OutcomePermissionTester(PagePermissionTester):
    """An outcome goes live through its review only.

    The project's lead has publish rights on everything under the project (projects/), which
    would let them press Wagtail's own "Udgiv" and skip the workflow, its emails and the rule that
    nobody approves their own submission. Approval publishes with ``skip_permission_checks``
    (see :func:`publish_approved`), so no reviewer needs the publish button.
    """

    def can_publish(self):
        return self.user.is_active and self.user.is_superuser

    def can_delete(self, ignore_bulk=False):
        """An outcome is its submitter's record: only an administrator removes it (or moves it)."""
        return self.user.is_active and self.user.is_superuser and super().can_delete(ignore_bulk)

    def can_unpublish(self):
        """Not while a revision is in review: the reviewer decides on the page as it stands."""
        if self.page.workflow_in_progress and not self.user.is_superuser:
            return False
        return super().can_unpublish()


# --- Review -----------------------------------------------------------------------------
def user_can_review(page, user):
    """Who decides on an outcome: the current lead of its project or a Moderator, never the submitter.

    ``page`` may be a plain ``Page`` (Wagtail passes those from its listings). Wagtail asks this
    several times per screen, so the answer is kept for the rest of the request (``core.memo``).
    """
    if not (user and user.is_authenticated and user.is_active):
        return False
    if page.owner_id == user.pk:
        return False

    def decide():
        if user.is_superuser or roles.has_role(user, roles.MODERATORS):
            return True
        return ProjectPage.objects.filter(path=project_path(page.path), lead=user).exists()

    return memoised(("workshops.user_can_review", page.pk, user.pk), decide)


class ChangesRequestedForm(TaskStateCommentForm):
    """Requesting changes without saying which would leave the submitter guessing."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].required = True
        self.fields["comment"].label = _("Hvad skal ændres?")
        self.fields["comment"].help_text = _("Kommentaren sendes til den, der indsendte resultatet.")
        self.fields["comment"].error_messages["required"] = _("Skriv, hvad der skal ændres.")


class ProjectLeadApprovalTask(Task):
    """Approval by the *current* lead of the outcome's project, or by the Moderatorer group.

    A custom task type (https://docs.wagtail.org/en/stable/extending/custom_tasks.html): Wagtail's
    own workflow screens, dashboard panel, audit log and locking ask it who may act.
    Decisions are claimed with a compare-and-set on the task state, so that two reviewers
    acting at once yield exactly one decision.
    """

    class Meta:
        verbose_name = _("projektleders godkendelse")
        verbose_name_plural = _("projektleders godkendelser")

    @classmethod
    def get_description(cls):
        return _("Projektets nuværende projektleder eller gruppen Moderatorer godkender eller ønsker ændringer.")

    def user_can_access_editor(self, obj, user):
        return user_can_review(obj, user)

    def locked_for_user(self, obj, user):
        return not user_can_review(obj, user)

    def user_can_lock(self, obj, user):
        return user_can_review(obj, user)

    def get_actions(self, obj, user):
        if not user_can_review(obj, user):
            return []
        return [
            ("reject", _("Anmod om ændringer"), True),
            # Wagtail appends "and Publish" (in Danish "og udgiv") to approvals at the final task.
            ("approve", _("Godkend"), False),
            ("approve", _("Godkend med kommentar"), True),
        ]

    def get_form_for_action(self, action):
        return ChangesRequestedForm if action == "reject" else TaskStateCommentForm

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not (user.is_authenticated and user.is_active):
            return TaskState.objects.none()
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        outcomes = WorkshopOutcomePage.objects.exclude(owner=user)
        if not (user.is_superuser or roles.has_role(user, roles.MODERATORS)):
            led = ProjectPage.objects.filter(lead=user).values_list("path", flat=True)
            if not led:
                return TaskState.objects.none()
            under_led = Q()
            for path in led:
                under_led |= Q(path__startswith=path)
            outcomes = outcomes.filter(under_led)
        ids = [str(pk) for pk in outcomes.values_list("pk", flat=True)]
        return states.filter(workflow_state__object_id__in=ids)

    def on_action(self, task_state, user, action_name, **kwargs):
        """Decide once: the first reviewer's UPDATE claims the task state, a second one finds it taken.

        ``UPDATE ... WHERE status = 'in_progress'`` takes the row lock and checks in one
        statement, so it serialises on PostgreSQL (the second waits, then matches no row) and on
        SQLite (the second waits for the write lock), where ``SELECT ... FOR UPDATE`` is ignored.
        It is the transaction's first statement (the permission reads come before it), so SQLite
        never has to upgrade a read lock, which would fail at once instead of waiting.
        The loser is sent to the moderation queue, which explains who decided what: the return
        value, a URL, is where Wagtail's workflow views redirect (and how our callers tell a
        decision taken elsewhere); None means this decision stands. The e-mails follow from
        Wagtail's ``task_submitted``/``task_approved``/``task_rejected`` signals (``signals.py``).
        """
        if action_name not in ("approve", "reject"):
            return super().on_action(task_state, user, action_name, **kwargs)
        page = Page.objects.get(pk=task_state.workflow_state.object_id)
        if not user_can_review(page, user):
            raise PermissionDenied
        with transaction.atomic():
            claimed = TaskState.objects.filter(pk=task_state.pk, status=TaskState.STATUS_IN_PROGRESS).update(
                finished_by=user, finished_at=timezone.now()
            )
            if not claimed:
                return queue_url(decided=page.pk)
            # Wagtail publishes the approved revision as the approver and asks for page publish
            # permission; a Moderator has none on project pages, and approving is the right here.
            workflow_state = task_state.workflow_state
            workflow_state.on_finish = lambda user=None: publish_approved(workflow_state, user)
            super().on_action(task_state, user, action_name, **kwargs)
        return None


def queue_url(decided=None):
    """The moderation queue; ``decided`` (an outcome's id) makes it explain who decided that outcome first."""
    url = reverse("moderation_queue")
    return f"{url}?afgjort={decided}" if decided else url


def publish_approved(workflow_state, user=None):
    """The workflow's finish action for outcomes: publish the approved revision, logged as the approver."""
    workflow_state.content_object.get_latest_revision().publish(user=user, skip_permission_checks=True)


def outcome_workflow():
    """The active workflow made of the project-lead task.

    Migration 0002 creates it; this recreates it where the tables were emptied (transactional tests).
    """
    workflow = (
        Workflow.objects.active()
        .filter(workflow_tasks__task__in=ProjectLeadApprovalTask.objects.filter(active=True))
        .order_by("pk")
        .first()
    )
    if workflow is None:
        workflow = create_outcome_workflow()
    return workflow


OUTCOME_WORKFLOW_NAME = "Workshopresultater"
OUTCOME_TASK_NAME = "Projektleders godkendelse"


def create_outcome_workflow():
    """The same workflow as migration 0002 builds."""
    task = ProjectLeadApprovalTask.objects.filter(name=OUTCOME_TASK_NAME).first()
    if task is None:
        task = ProjectLeadApprovalTask.objects.create(name=OUTCOME_TASK_NAME, active=True)
    workflow, _created = Workflow.objects.get_or_create(name=OUTCOME_WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow
