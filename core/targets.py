"""A person's mark on any object (a follow, a reaction): the generic target and its registry lookups.

``notifications`` (follows) and ``reactions`` ("Synes godt om") both store "this person, that
object" as a content type and an id, and both let only registered models be targeted, through a
registry the owning apps fill with a Wagtail hook (``register_followables``,
``register_reactables``): a dict from ``app_label.model`` to an entry with ``model`` and
``is_available``. What is the same in the two lives here; what differs (the wording, what a
follow or a reaction then does) stays in the apps.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models


class PersonOnObject(models.Model):
    """One person's mark on one object. Subclasses add ``user`` (their own ``related_name``), ``created_at``
    and the unique constraint and index that name them."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.user} → {self.content_type_id}:{self.object_id}"


def model_of(model_or_obj):
    """The model a mark is stored against: a Wagtail page's specific type, even when given a plain Page."""
    if isinstance(model_or_obj, type):
        return model_or_obj
    return getattr(model_or_obj, "specific_class", None) or type(model_or_obj)


def content_type_of(model_or_obj):
    return ContentType.objects.get_for_model(model_of(model_or_obj), for_concrete_model=False)


def registration_for(registry, obj):
    """The registry entry covering ``obj`` (its own class or a parent class), or None."""
    for klass in model_of(obj).__mro__:
        meta = getattr(klass, "_meta", None)
        if meta is not None and not meta.abstract and meta.label_lower in registry:
            return registry[meta.label_lower]
    return None


def registered_target(registry, type_key, object_id, *, not_registered, missing):
    """The object named by ``app_label.model`` and id, if registered and available now; else a ValidationError.

    ``not_registered`` and ``missing`` are the messages shown (``(text, code)`` pairs).
    """
    entry = registry.get(type_key)
    if entry is None:
        raise ValidationError(not_registered[0], code=not_registered[1])
    obj = entry.model._default_manager.filter(pk=object_id).first()
    if obj is None or not entry.is_available(obj):
        raise ValidationError(missing[0], code=missing[1])
    return obj
