"""Cached fragments of pages, kept under ``core.versions`` so they are never stale.

The versions a fragment of the news and comment pages depends on, besides the shell's ``pages``
(``core.invalidation``):

- ``content``: what a page shows of other things than pages: pictures, documents, people's names,
  news categories. Moved by their saves and deletions (signals below; ``news`` adds its categories).
- ``comments:<page id>``: the comments and reports on one page (``comments/signals.py``,
  ``comments.services``); ``comments``: any comment anywhere (comment counts in listings, the
  moderators' queue); ``replies:<user id>``: the replies to one person's comments (her dashboard).
- ``reactions:<page id>``: the reactions on one page and on its comments (``reactions.services``);
  ``reactions``: any reaction anywhere (the report's support for ideas).

``{% cachedfragment key %}…{% endcachedfragment %}`` (``core/templatetags/fragments.py``) keeps a
piece of template under a key from :func:`fragment_key`; forms inside get the reader's own CSRF token.
"""

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from . import versions
from .invalidation import PAGES

CONTENT = "content"
ALL_COMMENTS = "comments"
ALL_REACTIONS = "reactions"


def comments_of_page(page_id):
    return f"comments:{page_id}"


def replies_to(user_id):
    return f"replies:{user_id}"


def reactions_of_page(page_id):
    return f"reactions:{page_id}"


def fragment_key(name, parts, names=(PAGES, CONTENT)):
    """The cache key of fragment ``name``: its ``parts`` (ids, language...) and the current ``names`` versions.

    With no ``names`` the key is a digest of the parts alone: for a fragment whose parts hold all it shows.
    """
    return versions.key_for((name, *parts), names)


def kept(keys):
    """The fragments kept under ``keys`` (a false key is skipped), fetched together: ``{key: html}``."""
    return cache.get_many([key for key in keys if key])


# Saves of only these fields change nothing shown: a login; Wagtail noting a picture's size and hash.
UNSHOWN_FIELDS = {"last_login", "file_size", "file_hash"}


def content_changed(sender=None, update_fields=None, **kwargs):
    if update_fields is not None and set(update_fields) <= UNSHOWN_FIELDS:
        return
    versions.bump(CONTENT)


def connect(*models):
    """Move ``content`` on saves and deletions of ``models``."""
    for model in models:
        label = model._meta.label
        post_save.connect(content_changed, sender=model, dispatch_uid=f"content_version_{label}_save")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"content_version_{label}_delete")


def connect_content_signals():
    connect(get_image_model(), get_document_model(), get_user_model())
