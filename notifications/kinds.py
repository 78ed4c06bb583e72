"""The registry of notification kinds and followable things, filled by other apps through Wagtail hooks.

A kind is registered by the app that causes it, so this app never imports them::

    @hooks.register("register_notification_kinds")
    def comment_kinds():
        return [
            Kind(
                "comment_reply",
                _("Svar på mine kommentarer"),
                _("%(actor)s har svaret på din kommentar til “%(title)s”"),
                email_default=True,
            )
        ]

``message`` is formatted with ``actor`` (the name of who did it) and ``title`` (what it is about).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from wagtail import hooks

from core.targets import registration_for

KINDS_HOOK = "register_notification_kinds"
FOLLOWABLES_HOOK = "register_followables"


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    message: str
    email_default: bool = False
    help_text: str = ""
    order: int = 100
    # False: the e-mail about this is sent another way (a workflow's own e-mail); no e-mail choice.
    email_optional: bool = True


@dataclass(frozen=True)
class Followable:
    """A model whose objects people may follow: ``label`` names it in lists ("projekt")."""

    model: type
    label: str
    # Whether an object may be followed now (a page must be live); the default: always.
    is_available: Callable = field(default=lambda obj: True)
    # Where the dashboard links to it; the default: a page's URL.
    url: Callable = field(default=lambda obj: obj.get_url() if hasattr(obj, "get_url") else obj.get_absolute_url())

    @property
    def type_key(self):
        return self.model._meta.label_lower


def all_kinds():
    """Every registered kind by key, in the order the preference form lists them."""
    found = [kind for hook in hooks.get_hooks(KINDS_HOOK) for kind in hook()]
    return {kind.key: kind for kind in sorted(found, key=lambda kind: (kind.order, kind.key))}


def get_kind(key):
    return all_kinds().get(key)


def followables():
    """Every followable model by its ``app_label.model`` key."""
    found = [item for hook in hooks.get_hooks(FOLLOWABLES_HOOK) for item in hook()]
    return {item.type_key: item for item in found}


def followable_for(obj):
    """The registration that covers ``obj`` (its own class or a parent class), or None."""
    return registration_for(followables(), obj)
