"""What can be reacted to, registered by the apps that own the models::

    @hooks.register("register_reactables")
    def news_reactables():
        return [Reactable(NewsArticlePage, is_available=lambda obj: obj.live)]

The default wording is "Synes godt om"; ideas register their own ("Støt idéen").
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.targets import registration_for

HOOK = "register_reactables"


@dataclass(frozen=True)
class Reactable:
    model: type
    # Whether the object may be reacted to and its reactions shown now (a page must be live...).
    is_available: Callable = field(default=lambda obj: True)
    # Where a press without JavaScript returns to when the form names no page.
    url: Callable = field(default=lambda obj: obj.get_url() if hasattr(obj, "get_url") else "/")
    action_label: str = _("Synes godt om")
    undo_label: str = _("Synes ikke længere godt om")
    # "%(count)s" is the number: singular and plural.
    count_singular: str = _("%(count)s synes godt om")
    count_plural: str = _("%(count)s synes godt om")
    list_title: str = _("Dem, der synes godt om “%(title)s”")
    # The page whose reaction version (``core.fragments.reactions_of_page``) a reaction on obj moves on:
    # the page itself by default; a comment names the page it is on.
    page_of: Callable = field(default=lambda obj: obj.pk)

    @property
    def type_key(self):
        return self.model._meta.label_lower

    def count_text(self, count):
        return str(self.count_singular if count == 1 else self.count_plural) % {"count": count}


def reactables():
    """Every registration by ``app_label.model``. A hook may return plain dicts of Reactable's
    fields: an app of the same layer (comments) registers without importing this app."""
    found = [item for hook in hooks.get_hooks(HOOK) for item in hook()]
    found = [Reactable(**item) if isinstance(item, dict) else item for item in found]
    return {item.type_key: item for item in found}


def reactable_for(obj):
    return registration_for(reactables(), obj)
