"""The rules of commenting and moderation, in one place; views and the admin only call these.

Every function either does the whole change inside a transaction or raises
``django.core.exceptions.ValidationError`` with a Danish message and changes nothing.
"""

import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from . import notifications
from .models import Comment, CommentReport
from .signals import comments_changed

MODERATE_PERMISSION = "comments.moderate_comment"
# The same text sent twice this soon counts as one (a double-click, a reloaded POST).
DUPLICATE_WINDOW = timedelta(minutes=2)


def rate_limit():
    """(comments, seconds) a user may post; ``settings.COMMENTS_RATE_LIMIT`` overrides the default."""
    return getattr(settings, "COMMENTS_RATE_LIMIT", (5, 60))


def can_moderate(user):
    return user.is_authenticated and user.has_perm(MODERATE_PERMISSION)


def page_has_open_comments(page):
    """The switch of ``CommentablePageMixin``; pages without the mixin have none and take no comments."""
    return bool(getattr(page, "comments_open", False))


def page_accepts_comments(page):
    return page_has_open_comments(page) and page.live


def _check_rate_limit(user):
    """Count this post in the user's current window; refuse once the limit is reached.

    Uses Django's cache (Redis in production), so the limit holds across gunicorn workers.
    """
    limit, seconds = rate_limit()
    key = f"comments:rate:{user.pk}:{int(time.time() // seconds)}"
    cache.add(key, 0, timeout=seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=seconds)
        count = 1
    if count > limit:
        raise ValidationError(
            _(
                "Du har skrevet mange kommentarer på kort tid. Vent et minut, og prøv så igen. "
                "Din tekst er gemt i feltet herunder."
            ),
            code="rate_limited",
        )


def post_comment(*, page, author, body, parent=None):
    """Create a comment or a reply; returns ``(comment, created)``.

    ``created`` is False when the same text was just posted (a double submission).
    """
    if not page_accepts_comments(page):
        raise ValidationError(_("Der er lukket for kommentarer på denne side."), code="closed")
    if parent is not None:
        if parent.page_id != page.pk:
            raise ValidationError(_("Du kan kun svare på kommentarer på denne side."), code="wrong_page")
        if parent.is_reply:
            raise ValidationError(_("Du kan kun svare på en kommentar, ikke på et svar."), code="too_deep")
        if not parent.is_visible:
            raise ValidationError(
                _("Kommentaren, du svarer på, er skjult eller slettet. Du kan ikke svare på den."), code="not_visible"
            )
    with transaction.atomic():
        duplicate = (
            Comment.objects.visible()
            .filter(
                page_id=page.pk,
                author=author,
                parent=parent,
                body=body,
                created_at__gte=timezone.now() - DUPLICATE_WINDOW,
            )
            .first()
        )
        if duplicate is not None:
            return duplicate, False
        _check_rate_limit(author)
        comment = Comment.objects.create(page_id=page.pk, author=author, body=body, parent=parent)
        # In the same transaction: a rolled-back comment leaves no notification (see notifications.py).
        notifications.notify_new_comment(comment, page)
    return comment, True


def edit_comment(comment, user, body):
    if comment.author_id != user.pk:
        raise PermissionDenied
    if not page_accepts_comments(comment.page.specific):
        raise ValidationError(_("Der er lukket for kommentarer på denne side."), code="closed")
    if not comment.is_visible:
        raise ValidationError(_("Kommentaren er skjult eller slettet og kan ikke redigeres."), code="not_visible")
    if not comment.can_be_edited_by(user):
        raise ValidationError(
            _("Du kan kun rette en kommentar i 15 minutter, efter du har skrevet den."), code="too_late"
        )
    with transaction.atomic():
        before = comment.body
        comment.body = body
        comment.edited_at = timezone.now()
        comment.save(update_fields=["body", "edited_at"])
        notifications.notify_new_mentions(comment, comment.page.specific, before)
    return comment


def delete_comment(comment, user):
    """The author's own delete: the comment stays (replies keep their context), shown as deleted."""
    if comment.author_id != user.pk:
        raise PermissionDenied
    if not comment.is_visible:
        raise ValidationError(_("Kommentaren er allerede skjult eller slettet."), code="not_visible")
    with transaction.atomic():
        comment.status = Comment.Status.DELETED
        comment.save(update_fields=["status"])
        log(instance=comment, action="comments.delete", user=user)
        notifications.withdraw_for(comment)
    return comment


def report_comment(comment, user, reason=""):
    if not comment.is_visible:
        raise ValidationError(_("Kommentaren er allerede skjult eller slettet."), code="not_visible")
    if comment.author_id == user.pk:
        raise ValidationError(_("Du kan ikke anmelde din egen kommentar."), code="own")
    with transaction.atomic():
        if CommentReport.objects.filter(comment=comment, reporter=user, resolved_at__isnull=True).exists():
            raise ValidationError(_("Du har allerede anmeldt kommentaren. En moderator ser på den."), code="twice")
        report = CommentReport.objects.create(comment=comment, reporter=user, reason=reason)
        log(instance=comment, action="comments.report", user=user, data={"reason": reason})
    return report


def _resolve_reports(comment, user, now):
    comment.reports.filter(resolved_at__isnull=True).update(resolved_at=now, resolved_by=user)
    comments_changed(comment.page_id)  # a bulk update sends no signal (see signals.py)


def hide_comment(comment, user, reason):
    """A moderator hides a comment: kept in the database, written to Wagtail's audit log."""
    if not can_moderate(user):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Skriv en begrundelse for at skjule kommentaren."), code="reason")
    if comment.is_hidden:
        raise ValidationError(_("Kommentaren er allerede skjult."), code="hidden")
    now = timezone.now()
    with transaction.atomic():
        comment.status = Comment.Status.HIDDEN
        comment.moderation_reason = reason
        comment.moderated_by = user
        comment.moderated_at = now
        comment.save(update_fields=["status", "moderation_reason", "moderated_by", "moderated_at"])
        _resolve_reports(comment, user, now)
        log(instance=comment, action="comments.hide", user=user, data={"reason": reason})
        notifications.withdraw_for(comment)
    return comment


def unhide_comment(comment, user):
    if not can_moderate(user):
        raise PermissionDenied
    if not comment.is_hidden:
        raise ValidationError(_("Kommentaren er ikke skjult."), code="not_hidden")
    with transaction.atomic():
        comment.status = Comment.Status.VISIBLE
        comment.moderation_reason = ""
        comment.moderated_by = user
        comment.moderated_at = timezone.now()
        comment.save(update_fields=["status", "moderation_reason", "moderated_by", "moderated_at"])
        log(instance=comment, action="comments.unhide", user=user)
    return comment


def dismiss_reports(comment, user):
    """A moderator finds nothing wrong: the open reports are closed, the comment stays."""
    if not can_moderate(user):
        raise PermissionDenied
    with transaction.atomic():
        _resolve_reports(comment, user, timezone.now())
        log(instance=comment, action="comments.dismiss_reports", user=user)
    return comment
