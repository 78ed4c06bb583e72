"""Listings across articles for one reader: what is aimed at her, and what she must still confirm.

Kept apart from the models so that ``news.models`` stays about the content types; the rules for a
single article's confirmation are in ``news.confirmations``.
"""

from django.db.models import Exists, OuterRef

from .models import NewsArticlePage, ReadConfirmation


def aimed_at(user):
    """A filter for articles aimed at ``user``: untargeted ones and those targeting her department.

    Subqueries, not a join, so an article targeting several departments is never repeated.
    """
    targets = NewsArticlePage.target_departments.through.objects.filter(newsarticlepage_id=OuterRef("pk"))
    condition = ~Exists(targets)
    profile = getattr(user, "profile", None)
    department_id = profile.department_id if profile is not None else None
    if department_id is not None:
        condition |= Exists(targets.filter(department_id=department_id))
    return condition


def unconfirmed_for(user):
    """Live articles this person must still confirm, newest first (one query)."""
    if not user.is_authenticated:
        return NewsArticlePage.objects.none()
    confirmed = ReadConfirmation.objects.filter(article_id=OuterRef("pk"), user=user)
    return (
        NewsArticlePage.objects.live()
        .public()
        .filter(requires_confirmation=True)
        .filter(aimed_at(user))
        .exclude(Exists(confirmed))
        .defer_streamfields()
        .order_by("-date", "-first_published_at", "-pk")
    )
