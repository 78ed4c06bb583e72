"""The rules of reactions: one per person and object, added and removed explicitly, counted in bulk.

A press carries what the person saw ("add" under "Synes godt om", "remove" under "Synes ikke
længere godt om"), so two presses at the same moment both mean "add" and leave exactly one
reaction, where a blind toggle would cancel itself out.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from core import fragments, versions
from core.targets import content_type_of, registered_target

from .models import Reaction
from .registry import reactable_for, reactables


@dataclass
class Summary:
    """What a reaction button shows: the count, whether the viewer has reacted, and the wording."""

    obj: object
    reactable: object
    count: int = 0
    mine: bool = False

    @property
    def type_key(self):
        return self.reactable.type_key

    @property
    def count_text(self):
        return self.reactable.count_text(self.count)


def target_of(type_key, object_id):
    """The reactable object named by ``app_label.model`` and id, or a ValidationError."""
    return registered_target(
        reactables(),
        type_key,
        object_id,
        not_registered=(_("Det kan man ikke reagere på."), "not_reactable"),
        missing=(_("Det findes ikke længere."), "missing"),
    )


def _checked(obj):
    reactable = reactable_for(obj)
    if reactable is None or not reactable.is_available(obj):
        raise ValidationError(_("Det kan man ikke reagere på."), code="not_reactable")
    return reactable


def _changed(reactable, obj):
    """Counts shown in cached fragments of the page move on (after the write has been made)."""
    versions.bump(fragments.reactions_of_page(reactable.page_of(obj)), fragments.ALL_REACTIONS)


def add(user, obj):
    """Add the user's reaction; returns True if this call made it, False if it was already there."""
    reactable = _checked(obj)
    try:
        with transaction.atomic():
            _reaction, created = Reaction.objects.get_or_create(
                user=user, content_type=content_type_of(obj), object_id=obj.pk
            )
            if created:
                _changed(reactable, obj)
    except IntegrityError:
        # A simultaneous press by the same person inserted it first: the constraint kept one.
        return False
    return created


def remove(user, obj):
    """Remove the user's reaction; returns True if there was one."""
    reactable = _checked(obj)
    with transaction.atomic():
        deleted, _detail = Reaction.objects.filter(
            user=user, content_type=content_type_of(obj), object_id=obj.pk
        ).delete()
        if deleted:
            _changed(reactable, obj)
    return bool(deleted)


def summaries(objects, user):
    """``{pk: Summary}`` for objects of one model, in one query whatever their number."""
    objects = list(objects)
    if not objects:
        return {}
    reactable = reactable_for(objects[0])
    if reactable is None:
        return {}
    mine = Count("pk", filter=Q(user=user)) if user.is_authenticated else Count("pk", filter=Q(pk__in=[]))
    rows = (
        Reaction.objects.filter(content_type=content_type_of(objects[0]), object_id__in=[obj.pk for obj in objects])
        .values("object_id")
        .annotate(count=Count("pk"), mine=mine)
        .order_by()
    )
    by_id = {row["object_id"]: row for row in rows}
    result = {}
    for obj in objects:
        row = by_id.get(obj.pk, {"count": 0, "mine": 0})
        result[obj.pk] = Summary(obj=obj, reactable=reactable, count=row["count"], mine=bool(row["mine"]))
    return result


def attach(objects, user, attribute="reaction"):
    """Set ``obj.reaction`` (a :class:`Summary`) on each object, for templates; one query."""
    objects = list(objects)
    found = summaries(objects, user)
    for obj in objects:
        setattr(obj, attribute, found.get(obj.pk))
    return objects


def attach_together(groups, user, attribute="reaction"):
    """:func:`attach` for several lists of objects, each list of one model, in one query for all."""
    groups = [(list(objects), reactable_for(objects[0])) for objects in groups if objects]
    groups = [(objects, reactable) for objects, reactable in groups if reactable is not None]
    if not groups:
        return
    condition = Q(pk__in=[])
    for objects, _reactable in groups:
        condition |= Q(content_type=content_type_of(objects[0]), object_id__in=[obj.pk for obj in objects])
    mine = Count("pk", filter=Q(user=user)) if user.is_authenticated else Count("pk", filter=Q(pk__in=[]))
    rows = Reaction.objects.filter(condition).values("content_type_id", "object_id")
    rows = rows.annotate(count=Count("pk"), mine=mine)
    found = {(row["content_type_id"], row["object_id"]): row for row in rows.order_by()}
    for objects, reactable in groups:
        type_id = content_type_of(objects[0]).pk
        for obj in objects:
            row = found.get((type_id, obj.pk), {"count": 0, "mine": 0})
            setattr(obj, attribute, Summary(obj=obj, reactable=reactable, count=row["count"], mine=bool(row["mine"])))


def summary_of(obj, user):
    return summaries([obj], user).get(obj.pk)


def cached_summary_of(obj, user):
    """``summary_of``, kept per person under the reaction version of the object's page
    (``core.fragments.reactions_of_page``, moved on by every press there): a repeat visit asks nothing."""
    reactable = reactable_for(obj)
    if reactable is None or not user.is_authenticated:
        return summary_of(obj, user)

    def compute():
        summary = summary_of(obj, user)
        return (summary.count, summary.mine)

    count, mine = versions.cached(
        ("reaction", reactable.type_key, obj.pk, user.pk),
        [fragments.reactions_of_page(reactable.page_of(obj))],
        compute,
    )
    return Summary(obj=obj, reactable=reactable, count=count, mine=mine)


def reactors(obj):
    """The people who reacted, first reaction first (the on-demand list)."""
    users = Reaction.objects.filter(content_type=content_type_of(obj), object_id=obj.pk).values("user_id")
    return list(
        get_user_model().objects.filter(pk__in=users, is_active=True).order_by("first_name", "last_name", "username")
    )


def with_reaction_count(queryset, name="reaction_count"):
    """Annotate a queryset with its objects' reaction counts (for sorting by support), in the same query."""
    counts = (
        Reaction.objects.filter(content_type=content_type_of(queryset.model), object_id=OuterRef("pk"))
        .order_by()
        .values("object_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.annotate(**{name: Coalesce(Subquery(counts, output_field=IntegerField()), 0)})


def reacted_ids(queryset, user):
    """The ids of the objects in ``queryset`` that ``user`` has reacted to, in order (one query)."""
    return list(
        Reaction.objects.filter(
            user=user, content_type=content_type_of(queryset.model), object_id__in=queryset.values("pk")
        )
        .order_by("object_id")
        .values_list("object_id", flat=True)
    )
