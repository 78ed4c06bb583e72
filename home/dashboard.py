"""The blocks of the personal dashboard at ``/``, each in a fixed number of queries whatever the data size.

home/ sits on top of the other apps: it reads their models and calls their services (submission
status comes from ``workshops.services``; the review queue counts what the apps register for the
moderation queue, ``home.moderation``) instead of repeating their rules. Each block shows the
newest few items and links to the full list.
"""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from comments.models import Comment
from core import fragments, versions
from core.invalidation import ACCESS, DRAFTS, PAGES, WORKFLOWS, own_pages, user_access
from core.privacy import hidden_paths, visible
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
from .signals import IDEAS, confirmations_of, follows_of, registrations_of

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


# What the review queue follows besides the person's roles; the dashboard of one who reviews nothing
# does not depend on them (``drawn_key``).
REVIEW_QUEUE_VERSIONS = [PAGES, DRAFTS, fragments.ALL_COMMENTS, WORKFLOWS]


@dataclass
class ReviewQueue:
    """What waits in the moderator's queue at /moderering/: a count and a line per section."""

    counts: dict  # section key -> count, only for the sections the user moderates
    lines: list
    url: str

    @property
    def total(self):
        return sum(self.counts.values())


def _department_of(user):
    """The user's department (which news are aimed at her), kept until a profile changes (``content``)."""

    def compute():
        profile = getattr(user, "profile", None)
        return profile.department_id if profile is not None else None

    return versions.cached(("dashboard-department", user.pk), [fragments.CONTENT], compute)


def latest_news(user, request, limit=LATEST_NEWS):
    """The newest articles aimed at the user (for everybody or for her department, ``news.listings.aimed_at``)
    that she may open (page privacy).

    The same for everybody in a department who may open the same private sections: kept so until a
    page or category changes.
    """

    def compute():
        articles = (
            visible(NewsArticlePage.objects.live(), request)
            .filter(aimed_at(user))
            .defer_streamfields()
            .prefetch_related("categories")
            .order_by("-date", "-first_published_at", "-pk")
        )
        return Listing.of(articles, limit)

    key = ("dashboard-news", _department_of(user), limit, *hidden_paths(request))
    return versions.cached(key, [PAGES, fragments.CONTENT], compute)


def must_read(user, limit=MUST_READ):
    """Important articles the user has not yet confirmed having read; pinned at the top until she does.

    Kept until a page changes or the user confirms (``home.signals``).
    """
    return versions.cached(
        ("dashboard-must-read", user.pk, _department_of(user), limit),
        [PAGES, confirmations_of(user.pk)],
        lambda: Listing.of(unconfirmed_for(user), limit),
    )


def projects_of(user, request, limit=MY_PROJECTS):
    """The live projects the user leads or is on the team of, leads first (``project.lead_id``).

    Kept until a page or a team (``content``, ``home.signals``) changes.
    """
    memberships = ProjectTeamMember.objects.filter(user=user).values("page_id")
    projects = (
        visible(ProjectPage.objects.live(), request)
        .filter(Q(lead=user) | Q(pk__in=memberships))
        .defer_streamfields()
        .order_by("title", "pk")
    )
    return versions.cached(
        ("dashboard-projects", user.pk, hidden_paths(request), limit),
        [PAGES, fragments.CONTENT],
        lambda: Listing.of(projects, limit),
    )


def submissions_of(user, limit=MY_SUBMISSIONS):
    """The newest of the user's workshop outcomes with the status /mine-indsendelser/ shows.

    Kept until a published page (a project's title) or one of her own pages or its review changes
    (``core.invalidation.own_pages``); another person's submission leaves it be.
    """

    def compute():
        submissions = workshop_services.submissions_of(user)
        return Listing(items=submissions[:limit], has_more=len(submissions) > limit, total=len(submissions))

    return versions.cached(("dashboard-submissions", user.pk, limit), [PAGES, own_pages(user.pk)], compute)


def review_queue(user):
    """The number of items at /moderering/ for those it serves; None for everybody else.

    Kept per person and language until a page (drafts too: a lead of a project not yet published
    reviews under it), a comment or report, a workflow or the person's roles (``access``) change:
    who reviews what follows from those alone.
    """

    def compute():
        sections = sections_for(user)
        if not sections:
            return None
        counts = {section.key: section.count() for section in sections}
        lines = [str(section.summary(counts[section.key])) for section in sections]
        return ReviewQueue(counts=counts, lines=lines, url=reverse("moderation_queue"))

    return versions.cached(
        ("dashboard-review-queue", user.pk, get_language()),
        REVIEW_QUEUE_VERSIONS + [ACCESS, user_access(user.pk)],
        compute,
    )


def newest_ideas(request, limit=NEWEST_IDEAS):
    """Ideas of published outcomes only (outcomes awaiting review are not public), outside private sections.

    The same for everybody who passes the same restrictions: kept until a page or an idea changes.
    """
    ideas = (
        visible(Idea.objects.filter(outcome__live=True), request, field="outcome__path")
        .select_related("outcome", "project")
        .defer("outcome__ideas", "outcome__method", "outcome__summary", "outcome__next_steps", "project__body")
        .order_by("-created_at", "-pk")
    )
    return versions.cached(
        ("dashboard-ideas", hidden_paths(request), limit), [PAGES, IDEAS], lambda: Listing.of(ideas, limit)
    )


def facilitated_by(user, request, limit=FACILITATED):
    """Published workshops the user facilitated, newest workshop first; None for those who are no change agent.

    Kept until a page changes (the facilitators are saved with the outcome).
    """
    if not roles.has_role(user, roles.CHANGE_AGENTS):
        return None
    outcomes = (
        visible(WorkshopOutcomePage.objects.live(), request)
        .filter(facilitators=user)
        .defer_streamfields()
        .order_by("-workshop_date", "-pk")
    )
    return versions.cached(
        ("dashboard-facilitated", user.pk, hidden_paths(request), limit), [PAGES], lambda: Listing.of(outcomes, limit)
    )


def my_events(user, request, limit=MY_EVENTS):
    """Coming events the user has a seat for or waits for, soonest first (``events``).

    Kept until a page or the user's sign-ups change; drawn afresh as soon as one of the kept events has ended.
    """
    registrations = (
        visible(Registration.objects.filter(user=user, event__live=True), request, field="event__path")
        .filter(event__end__gt=timezone.now())
        .select_related("event")
        .defer("event__description")
        .order_by("event__start", "pk")
    )
    key = ("dashboard-events", user.pk, hidden_paths(request), limit)
    names = [PAGES, registrations_of(user.pk)]
    listing = versions.cached(key, names, lambda: Listing.of(registrations, limit))
    now = timezone.now()
    if any(registration.event.end <= now for registration in listing.items):
        listing = Listing.of(registrations, limit)
        cache.set(versions.key_for(key, names), listing, versions.DEFAULT_TIMEOUT)
    return listing


def report_link(user):
    """The strategy report for the roles that may see it (``workshops.report.can_see_report``)."""
    return reverse("workshops:report") if workshop_report.can_see_report(user) else None


def replies_to(user, request, limit=REPLIES):
    """Visible replies by others to the user's comments, on live pages, newest first.

    Kept until a reply to one of her comments (``replies:<user id>``), a page or a person's name
    changes; a comment anywhere else leaves it (and her drawn dashboard) be.
    """
    replies = (
        visible(Comment.objects.visible(), request, field="page__path")
        .filter(parent__author=user, page__live=True)
        .exclude(author=user)
        .select_related("author", "page")
        .order_by("-created_at", "-pk")
    )
    return versions.cached(
        ("dashboard-replies", user.pk, hidden_paths(request), limit),
        [PAGES, fragments.CONTENT, fragments.replies_to(user.pk)],
        lambda: Listing.of(replies, limit),
    )


def followed_by(user, limit=FOLLOWED):
    """What the user follows (projects, news categories, outcomes): one query plus one per followed type.

    Kept until the user follows or unfollows something (``home.signals``) or a page or category changes.
    """

    def compute():
        followed = notification_services.followed_by(user)
        return Listing(items=followed[:limit], has_more=len(followed) > limit, total=len(followed))

    return versions.cached(
        ("dashboard-followed", user.pk, limit), [PAGES, fragments.CONTENT, follows_of(user.pk)], compute
    )


def shortcuts(page):
    """The front page's live children shown in menus ("Genveje"), kept until a page changes."""
    return versions.cached(
        ("dashboard-shortcuts", page.pk), [PAGES], lambda: list(page.get_children().live().in_menu().specific())
    )


def dashboard_for(request):
    """The blocks for the logged-in reader; page privacy (``core.privacy``) applies to each list."""
    user = request.user
    return {
        "must_read": must_read(user),
        "news": latest_news(user, request),
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


def drawn_key(request, page, dashboard):
    """The cache key of the dashboard's drawn blocks (``{% cachedfragment %}`` in the template), or None.

    The blocks are kept under the versions listed here and under parts of this key (the reader,
    her department through ``content``, the sections she may not open); so while none of these
    moves, no block can differ and the drawn HTML is the same. The events block drops an event
    that has ended without a version moving: its items are part of the key. The review queue's
    versions (any workflow, draft or comment anywhere) count only for those who have a queue: whether
    one has it is decided afresh on each request (``review_queue``), so an employee's dashboard is
    not drawn again for every outcome a colleague submits or every comment a colleague writes.
    """
    if getattr(request, "is_preview", False):
        return None
    user = request.user
    names = [
        PAGES,
        fragments.CONTENT,
        fragments.replies_to(user.pk),
        IDEAS,
        ACCESS,
        user_access(user.pk),
        own_pages(user.pk),
        confirmations_of(user.pk),
        follows_of(user.pk),
        registrations_of(user.pk),
    ]
    if dashboard["review_queue"] is not None:
        names += [name for name in REVIEW_QUEUE_VERSIONS if name not in names]
    events = [registration.pk for registration in dashboard["events"].items]
    parts = (page.pk, user.pk, user.get_username(), user.first_name, get_language(), *hidden_paths(request))
    return fragments.fragment_key("dashboard", (*parts, "events", *events), names)
