"""The rules of notifications, preferences and follows; views and other apps only call these.

``notify`` writes in the caller's transaction, so a notification exists exactly when what caused
it was saved; the e-mail copies are queued when that transaction commits, through ``core.mail``
(the background worker delivers them).
"""

from collections import defaultdict
from functools import partial

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from core import versions
from core.targets import content_type_of, registered_target

from .emails import send_copies
from .kinds import all_kinds, followable_for, followables, get_kind
from .models import EXCERPT_MAX_LENGTH, Follow, Notification, NotificationPreference


def unread_version(user_id):
    """The version the header's unread count is kept under (core/versions.py); every write below moves it."""
    return f"notifications:{user_id}"


def _changed_for(user_ids):
    versions.bump(*(unread_version(pk) for pk in set(user_ids)))


# --- Preferences ------------------------------------------------------------------------------
def preferences_of(user):
    """``{kind_key: (enabled, email)}`` for every registered kind, defaults filled in."""
    stored = {p.kind: (p.enabled, p.email) for p in NotificationPreference.objects.filter(user=user)}
    return {key: stored.get(key, (True, kind.email_default)) for key, kind in all_kinds().items()}


def set_preferences(user, choices):
    """Store ``{kind_key: (enabled, email)}``; e-mail is only sent for a kind that is enabled."""
    kinds = all_kinds()
    with transaction.atomic():
        for key, (enabled, email) in choices.items():
            if key not in kinds:
                continue
            NotificationPreference.objects.update_or_create(
                user=user, kind=key, defaults={"enabled": bool(enabled), "email": bool(enabled and email)}
            )


def _choices_for(user_ids, kind):
    stored = {
        p.user_id: (p.enabled, p.email)
        for p in NotificationPreference.objects.filter(user_id__in=user_ids, kind=kind.key)
    }
    choices = {pk: stored.get(pk, (True, kind.email_default)) for pk in user_ids}
    if not kind.email_optional:
        choices = {pk: (enabled, False) for pk, (enabled, _email) in choices.items()}
    return choices


# --- Creating ---------------------------------------------------------------------------------
def notify(recipients, kind, *, actor=None, title="", url="", excerpt="", exclude=()):
    """Notify each of ``recipients`` (a user or an iterable of users) once; returns the notifications made.

    Left out: nobody (None), inactive users, the actor themself, users in ``exclude`` (ids or
    users: those already told about the same event by a more specific kind) and those who turned
    the kind off. A constant number of queries, however many recipients.
    """
    kind_obj = get_kind(kind)
    if kind_obj is None:
        raise ValueError(f"Unknown notification kind {kind!r}: register it with the register_notification_kinds hook")
    if recipients is None:
        return []
    if not isinstance(recipients, (list, tuple, set)) and hasattr(recipients, "pk"):
        recipients = [recipients]
    excluded = {getattr(item, "pk", item) for item in exclude}
    if actor is not None:
        excluded.add(actor.pk)
    users = {}
    for user in recipients:
        if user is None or user.pk in excluded or not user.is_active:
            continue
        users.setdefault(user.pk, user)
    if not users:
        return []
    choices = _choices_for(list(users), kind_obj)
    excerpt = Truncator(" ".join((excerpt or "").split())).chars(EXCERPT_MAX_LENGTH - 10)
    made = [
        Notification(
            recipient=user,
            kind=kind,
            actor=actor,
            title=Truncator(title).chars(255),
            url=url[:500],
            excerpt=excerpt,
        )
        for pk, user in users.items()
        if choices[pk][0]
    ]
    made = Notification.objects.bulk_create(made)
    _changed_for(n.recipient_id for n in made)
    emailed = [n.pk for n in made if choices[n.recipient_id][1] and n.recipient.email]
    if emailed:
        transaction.on_commit(partial(send_copies, emailed), robust=True)
    return made


def withdraw(url):
    """Remove the notifications that point at ``url`` (what they told of was deleted or hidden)."""
    notifications = Notification.objects.filter(url=url)
    _changed_for(notifications.values_list("recipient_id", flat=True).distinct())
    deleted, _detail = notifications.delete()
    return deleted


# --- Reading ----------------------------------------------------------------------------------
def unread_count(user):
    """The number of unread notifications, kept between requests until one of the user's changes."""
    if not user.is_authenticated:
        return 0
    return versions.cached(
        ("unread_notifications", user.pk),
        [unread_version(user.pk)],
        lambda: Notification.objects.filter(recipient=user).unread().count(),
    )


def notifications_of(user):
    return Notification.objects.filter(recipient=user).select_related("actor")


def mark_read(user, notification_id):
    """Mark one of the user's own notifications read; another person's is not found."""
    updated = Notification.objects.filter(pk=notification_id, recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    if not updated and not Notification.objects.filter(pk=notification_id, recipient=user).exists():
        raise Notification.DoesNotExist
    if updated:
        _changed_for([user.pk])
    return updated


def mark_all_read(user):
    updated = Notification.objects.filter(recipient=user).unread().update(read_at=timezone.now())
    _changed_for([user.pk])
    return updated


# --- Follows ----------------------------------------------------------------------------------
def target_of(type_key, object_id):
    """The followable object named by ``app_label.model`` and id, or a ValidationError."""
    return registered_target(
        followables(),
        type_key,
        object_id,
        not_registered=(_("Det kan man ikke følge."), "not_followable"),
        missing=(_("Det, du vil følge, findes ikke længere."), "missing"),
    )


def follows_version(user_id):
    """The version of what one person follows (core/versions.py); follow, unfollow and forget move it."""
    return f"follows:{user_id}"


def is_following(user, obj):
    """Whether ``user`` follows ``obj``: the person's follows are kept between requests (the follow button)."""
    if not user.is_authenticated:
        return False
    followed = versions.cached(
        ("follows", user.pk),
        [follows_version(user.pk)],
        lambda: set(Follow.objects.filter(user=user).values_list("content_type_id", "object_id")),
    )
    return (content_type_of(obj).pk, obj.pk) in followed


def follow(user, obj):
    """Follow ``obj``; following twice (two tabs, a double click) keeps one follow."""
    followable = followable_for(obj)
    if followable is None or not followable.is_available(obj):
        raise ValidationError(_("Det kan man ikke følge."), code="not_followable")
    try:
        with transaction.atomic():
            Follow.objects.get_or_create(user=user, content_type=content_type_of(obj), object_id=obj.pk)
    except IntegrityError:
        pass  # someone else's request made the same follow a moment ago
    versions.bump(follows_version(user.pk))


def unfollow(user, obj):
    Follow.objects.filter(user=user, content_type=content_type_of(obj), object_id=obj.pk).delete()
    versions.bump(follows_version(user.pk))


def followers_of(*objects):
    """The active users who follow any of ``objects`` (one query)."""
    from django.contrib.auth import get_user_model

    condition = Q()
    for obj in objects:
        if obj is not None:
            condition |= Q(follows__content_type=content_type_of(obj), follows__object_id=obj.pk)
    if not condition:
        return []
    return list(get_user_model().objects.filter(condition, is_active=True).distinct().order_by("pk"))


def followed_by(user):
    """What the user follows, as ``[{"target", "label", "url", "follow"}]``, one query per followed type."""
    follows = list(Follow.objects.filter(user=user).select_related("content_type"))
    by_type = defaultdict(list)
    for item in follows:
        by_type[item.content_type].append(item)
    registry = followables()
    items = []
    for content_type, group in by_type.items():
        followable = registry.get(f"{content_type.app_label}.{content_type.model}")
        if followable is None:
            continue
        objects = followable.model._default_manager.in_bulk([item.object_id for item in group])
        for item in group:
            obj = objects.get(item.object_id)
            if obj is not None and followable.is_available(obj):
                items.append({"target": obj, "label": followable.label, "url": followable.url(obj), "follow": item})
    return sorted(items, key=lambda entry: (str(entry["label"]), str(entry["target"])))


def forget(user):
    """A person who leaves: their notifications, choices and follows go (people/departure.py)."""
    Notification.objects.filter(recipient=user).delete()
    _changed_for([user.pk])
    NotificationPreference.objects.filter(user=user).delete()
    Follow.objects.filter(user=user).delete()
    versions.bump(follows_version(user.pk))
