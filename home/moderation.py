"""The moderation queue, composed of the sections the apps register (``core.moderation``)."""

from wagtail import hooks

from core.moderation import MODERATION_SECTIONS_HOOK


def sections_for(user):
    """The user's sections of the queue, in their order; empty for those who moderate nothing."""
    if not (user.is_authenticated and user.is_active):
        return []
    sections = [section for hook in hooks.get_hooks(MODERATION_SECTIONS_HOOK) if (section := hook(user))]
    return sorted(sections, key=lambda section: section.order)


def is_moderator(user):
    return bool(sections_for(user))
