"""Cached values that are never stale: each is kept under the current *versions* of what it depends on.

A version is a named token ("pages", ``f"access:{user.pk}"``, ``f"comments:{page.pk}"``) that the code
which changes the data moves on (:func:`bump`). A value cached with :func:`cached` is stored under a
key made of its own parts *and* the tokens of the versions it names, so after a bump the old entry
is simply never read again (it ages out of the cache) and the next request computes afresh. No
entry is ever deleted, no time-to-live decides freshness.

API::

    from core import versions

    versions.version("pages")                 # the current token of a version (a short string)
    versions.bump("pages", f"access:{pk}")    # new tokens now, and again when the transaction commits
    versions.cached(("menu", site.pk, get_language()), ["pages"], build_menu)   # build_menu() once per version
    versions.cached(key_parts, names, compute, timeout=3600)

- ``key_parts``: what the value depends on besides the versions (ids, the language of translated
  text, a role); anything with a stable ``str()``.
- ``names``: the versions it depends on; the value is recomputed as soon as any of them moves.
- ``compute()`` may return anything picklable, ``None`` included.

Where things live: the tokens in the ``shared`` cache, which every process of the site sees (Redis
with ``REDIS_URL``; without it a small file cache on this host, so gunicorn's workers and the
background worker, which publishes scheduled pages, agree at once); the values in the ``default``
cache (per-process memory, or Redis). A token read once is kept for the rest of the request, so one
request renders from one consistent set of versions; a bump in the request updates it.

Bump *after* the change is visible: :func:`bump` moves the token at once and again on commit, so a
request that read the token between the change and the commit cannot leave a stale value under the
new token. Who bumps what is listed in docs/architecture.md ("Caching").
"""

import hashlib
import secrets

from django.core.cache import cache, caches
from django.db import transaction

from .memo import memoised, remember

SHARED_CACHE = "shared"
# Values are never stale while the shared cache answers; should a bump be lost to a failing Redis
# (core/cache.py drops writes then), a value outlives it by at most this long.
DEFAULT_TIMEOUT = 60 * 60
_PREFIX = "version:"
_MISSING = object()


def _shared():
    return caches[SHARED_CACHE]


def _new_token():
    return secrets.token_hex(8)


def _read(name):
    store = _shared()
    token = store.get(_PREFIX + name)
    if token is None:
        token = _new_token()
        # add(): two processes that start a version at once agree on the first one written.
        if not store.add(_PREFIX + name, token, None):
            token = store.get(_PREFIX + name) or token
    return token


def version(name):
    """The current token of version ``name`` (read once per request)."""
    return memoised(("version", name), lambda: _read(name))


def _move(names):
    tokens = {_PREFIX + name: _new_token() for name in names}
    _shared().set_many(tokens, None)
    for name in names:
        remember(("version", name), tokens[_PREFIX + name])


def bump(*names):
    """Move the named versions on: values cached under the old tokens are no longer read.

    Call it where the data changes (a service, a signal receiver). The tokens move now (so the rest
    of this request and tests without commits see the change) and again once the surrounding
    transaction commits (so no one caches the old data under the new token meanwhile).
    """
    names = [str(name) for name in names if name is not None]
    if not names:
        return
    _move(names)
    transaction.on_commit(lambda: _move(names))


def key_for(key_parts, names):
    """The cache key of a value: its parts and the current tokens of its versions, hashed."""
    text = "\x1f".join([*(str(part) for part in key_parts), "|", *(f"{name}={version(name)}" for name in names)])
    return "versioned:" + hashlib.sha256(text.encode()).hexdigest()


def cached(key_parts, names, compute, timeout=DEFAULT_TIMEOUT):
    """``compute()``, kept under ``key_parts`` and the current tokens of the versions ``names``."""
    key = key_for(key_parts, names)
    found = cache.get(key, _MISSING)
    if found is not _MISSING:
        return found
    value = compute()
    cache.set(key, value, timeout)
    return value
