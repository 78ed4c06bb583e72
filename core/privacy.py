"""Wagtail's page privacy ("Privat" in the admin) applied to lists, not only to the page itself.

Wagtail checks a page's view restrictions when the page is served; a list that shows a
restricted page's title, excerpt, ideas or files (the dashboard, project lists, profiles,
attachments, search) must apply the same rule. A restriction covers the page and everything
below it; whether a request passes it is Wagtail's ``PageViewRestriction.accept_request``
(logged in, in a group, or the page's password given in this session).

Every app lists pages through these functions; ``search/`` uses :func:`hidden_paths` for its
``Visibility``.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from . import versions
from .invalidation import ACCESS, PAGES, user_access

_CACHE_ATTRIBUTE = "_privacy_hidden_paths"


def _restrictions():
    """Every view restriction as (id, page path, type, group ids), kept until a page or restriction changes."""

    def load():
        restrictions = PageViewRestriction.objects.select_related("page").only("pk", "restriction_type", "page__path")
        return [
            (item.pk, item.page.path, item.restriction_type, frozenset(group.pk for group in item.groups.all()))
            for item in restrictions.prefetch_related("groups")
        ]

    return versions.cached(("privacy-restrictions",), [PAGES], load)


def _group_ids(user):
    return versions.cached(
        ("group-ids", user.pk),
        [ACCESS, user_access(user.pk)],
        lambda: frozenset(user.groups.values_list("pk", flat=True)),
    )


def _passes(request, restriction_id, restriction_type, group_ids):
    """Wagtail's ``BaseViewRestriction.accept_request``, on the kept restrictions."""
    user = request.user
    if restriction_type == PageViewRestriction.PASSWORD:
        session = getattr(request, "session", None) or {}
        return restriction_id in session.get(PageViewRestriction.passed_view_restrictions_session_key, [])
    if restriction_type == PageViewRestriction.LOGIN:
        return user.is_authenticated
    if restriction_type == PageViewRestriction.GROUPS:
        return user.is_superuser or (user.is_authenticated and bool(group_ids & _group_ids(user)))
    return True


def hidden_paths(request):
    """Tree paths of the restricted sections this request does not pass.

    The restrictions and the person's groups are kept between requests (core/versions.py), so a
    page that lists pages pays no query for this once the cache is warm.
    """
    cached = getattr(request, _CACHE_ATTRIBUTE, None)
    if cached is None:
        cached = sorted(
            path
            for restriction_id, path, restriction_type, group_ids in _restrictions()
            if not _passes(request, restriction_id, restriction_type, group_ids)
        )
        setattr(request, _CACHE_ATTRIBUTE, cached)
    return cached


def hidden_q(request, field="path"):
    """A ``Q`` matching the objects whose page (``field`` names its path) this request may not see."""
    condition = Q(pk__in=[])
    for path in hidden_paths(request):
        condition |= Q(**{f"{field}__startswith": path})
    return condition


def visible(queryset, request, field="path"):
    """``queryset`` without what lies in a restricted section this request does not pass."""
    paths = hidden_paths(request)
    return queryset.exclude(hidden_q(request, field)) if paths else queryset


def may_view(page, request):
    """Whether ``request`` passes every view restriction on ``page`` and its ancestors."""
    return not any(page.path.startswith(path) for path in hidden_paths(request))


def users_who_may_view(page, users):
    """Those of ``users`` who pass every view restriction on ``page``, for what reaches them elsewhere.

    A notification or e-mail about a page quotes its title and text, so it goes only to people who
    may open the page: a restriction to logged-in users passes everyone here, one to groups passes
    their members and superusers, and one by password passes nobody (a password lives in a session).
    """
    users = [user for user in users if user is not None]
    if not users or page is None:
        return users
    restrictions = PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)).prefetch_related(
        "groups"
    )
    for restriction in restrictions:
        if restriction.restriction_type == PageViewRestriction.PASSWORD:
            return []
        if restriction.restriction_type == PageViewRestriction.GROUPS:
            allowed = {group.pk for group in restriction.groups.all()}
            member_of = _groups_of(users)
            users = [user for user in users if user.is_superuser or member_of.get(user.pk, set()) & allowed]
    return users


def _groups_of(users):
    memberships = {}
    through = users[0].groups.through
    for user_id, group_id in through.objects.filter(user_id__in=[user.pk for user in users]).values_list(
        "user_id", "group_id"
    ):
        memberships.setdefault(user_id, set()).add(group_id)
    return memberships
