"""The blocks of the personal dashboard at ``/``, each in a fixed number of queries whatever the data size.

home/ sits on top of the other apps: it reads their models and calls their services (submission
status comes from ``workshops.services``; the review queue counts what the apps register for the
moderation queue, ``home.moderation``) instead of repeating their rules. Each block shows the
newest few items and links to the full list.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment
from core.privacy import visible
from events.models import Registration
from news.listings import aimed_at, unconfirmed_for
from news.models import NewsArticlePage
from notifications import services as notification_services
from people import roles
from projects.models import ProjectPage, ProjectTeamMember
from workshops import report as workshop_report
from workshops import services as workshop_services
from workshops.models import Idea, WorkshopOutcomePage

from .moderation import sections_for

LATEST_NEWS = 5
MY_PROJECTS = 8
MY_SUBMISSIONS = 5
NEWEST_IDEAS = 6
REPLIES = 5
FACILITATED = 5
MUST_READ = 10
MY_EVENTS = 5
FOLLOWED = 10


@dataclass
class Listing:
    """The first ``limit`` items of a block, and whether there are more than those."""

    items: list = field(default_factory=list)
    has_more: bool = False
    total: int | None = None

    @classmethod
    def of(cls, queryset, limit):
        """One query: fetch one item more than shown to learn whether there are more."""
        rows = list(queryset[: limit + 1])
        return cls(items=rows[:limit], has_more=len(rows) > limit)


@dataclass
class ReviewQueue:
    """What waits in the moderator's queue at /moderering/: a count and a line per section."""

    counts: dict  # section key -> count, only for the sections the user moderates
    lines: list
    url: str

    @property
    def total(self):
        return sum(self.counts.values())


def latest_news(user, limit=LATEST_NEWS):
    """The newest articles aimed at the user: for everybody or for her department (``news.listings.aimed_at``)."""
    articles = (
        NewsArticlePage.objects.live()
        .public()
        .filter(aimed_at(user))
        .defer_streamfields()
        .prefetch_related("categories")
        .order_by("-date", "-first_published_at", "-pk")
    )
    return Listing.of(articles, limit)


def must_read(user, limit=MUST_READ):
    """Important articles the user has not yet confirmed having read; pinned at the top until she does."""
    return Listing.of(unconfirmed_for(user), limit)


def projects_of(user, request, limit=MY_PROJECTS):
    """The live projects the user leads or is on the team of, leads first (``project.lead_id``)."""
    memberships = ProjectTeamMember.objects.filter(user=user).values("page_id")
    projects = (
        visible(ProjectPage.objects.live(), request)
        .filter(Q(lead=user) | Q(pk__in=memberships))
        .defer_streamfields()
        .order_by("title", "pk")
    )
    return Listing.of(projects, limit)


def submissions_of(user, limit=MY_SUBMISSIONS):
    """The newest of the user's workshop outcomes with the status /mine-indsendelser/ shows."""
    submissions = workshop_services.submissions_of(user)
    return Listing(items=submissions[:limit], has_more=len(submissions) > limit, total=len(submissions))


def review_queue(user):
    """The number of items at /moderering/ for those it serves; None for everybody else."""
    sections = sections_for(user)
    if not sections:
        return None
    counts = {section.key: section.count() for section in sections}
    lines = [section.summary(counts[section.key]) for section in sections]
    return ReviewQueue(counts=counts, lines=lines, url=reverse("moderation_queue"))


def newest_ideas(request, limit=NEWEST_IDEAS):
    """Ideas of published outcomes only (outcomes awaiting review are not public), outside private sections."""
    ideas = (
        visible(Idea.objects.filter(outcome__live=True), request, field="outcome__path")
        .select_related("outcome", "project")
        .defer("outcome__ideas", "outcome__method", "outcome__summary", "outcome__next_steps", "project__body")
        .order_by("-created_at", "-pk")
    )
    return Listing.of(ideas, limit)


def facilitated_by(user, request, limit=FACILITATED):
    """Published workshops the user facilitated, newest workshop first; None for those who are no change agent."""
    if not roles.has_role(user, roles.CHANGE_AGENTS):
        return None
    outcomes = (
        visible(WorkshopOutcomePage.objects.live(), request)
        .filter(facilitators=user)
        .defer_streamfields()
        .order_by("-workshop_date", "-pk")
    )
    return Listing.of(outcomes, limit)


def my_events(user, request, limit=MY_EVENTS):
    """Coming events the user has a seat for or waits for, soonest first (``events``)."""
    registrations = (
        visible(Registration.objects.filter(user=user, event__live=True), request, field="event__path")
        .filter(event__end__gt=timezone.now())
        .select_related("event")
        .defer("event__description")
        .order_by("event__start", "pk")
    )
    return Listing.of(registrations, limit)


def report_link(user):
    """The strategy report for the roles that may see it (``workshops.report.can_see_report``)."""
    return reverse("workshops:report") if workshop_report.can_see_report(user) else None


def replies_to(user, request, limit=REPLIES):
    """Visible replies by others to the user's comments, on live pages, newest first."""
    replies = (
        visible(Comment.objects.visible(), request, field="page__path")
        .filter(parent__author=user, page__live=True)
        .exclude(author=user)
        .select_related("author", "page")
        .order_by("-created_at", "-pk")
    )
    return Listing.of(replies, limit)


def followed_by(user, limit=FOLLOWED):
    """What the user follows (projects, news categories, outcomes): one query plus one per followed type."""
    followed = notification_services.followed_by(user)
    return Listing(items=followed[:limit], has_more=len(followed) > limit, total=len(followed))


def dashboard_for(request):
    """The blocks for the logged-in reader; page privacy (``core.privacy``) applies to each list."""
    user = request.user
    return {
        "must_read": must_read(user),
        "news": latest_news(user),
        "projects": projects_of(user, request),
        "submissions": submissions_of(user),
        "review_queue": review_queue(user),
        "ideas": newest_ideas(request),
        "replies": replies_to(user, request),
        "facilitated": facilitated_by(user, request),
        "events": my_events(user, request),
        "report_url": report_link(user),
        "followed": followed_by(user),
    }
