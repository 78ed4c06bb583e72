"""The site's cache backends: a Redis cache that is an aid, never a dependency, and the file cache
that the processes of one host share when there is no Redis.

With Redis gone, pages answer (slower).

Django's own ``RedisCache`` raises when Redis is unreachable, so every page that touches the
cache (search, rate limits, cached fragments) would answer 500. This subclass treats a failing
Redis as a cache miss: reads return the default, writes are dropped, ``incr`` raises the
``ValueError`` of a missing key (callers already fall back to ``set``). After a failure it leaves
Redis alone for ``RETRY_SECONDS`` in this process, so a dead Redis costs one short timeout now and
then, not one per call; then it tries again and recovers by itself when Redis is back.
"""

import functools
import logging
import time

from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0


class _Unavailable(Exception):
    pass


def _tolerant(fallback):
    """Wrap a cache method: on a Redis error (or while resting) return ``fallback(*args)``."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                if time.monotonic() < self._down_until:
                    raise _Unavailable
                return method(self, *args, **kwargs)
            except (RedisError, OSError) as error:
                self._down_until = time.monotonic() + RETRY_SECONDS
                logger.warning("Cachen (Redis) svarer ikke; siderne kører videre uden: %s", error)
            except _Unavailable:
                pass
            return fallback(*args, **kwargs)

        return wrapper

    return decorate


def _missing_key(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found (cache unavailable)")


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._down_until = 0.0

    add = _tolerant(lambda *a, **k: False)(RedisCache.add)
    get = _tolerant(lambda key, default=None, *a, **k: default)(RedisCache.get)
    set = _tolerant(lambda *a, **k: None)(RedisCache.set)
    touch = _tolerant(lambda *a, **k: False)(RedisCache.touch)
    delete = _tolerant(lambda *a, **k: False)(RedisCache.delete)
    get_many = _tolerant(lambda *a, **k: {})(RedisCache.get_many)
    has_key = _tolerant(lambda *a, **k: False)(RedisCache.has_key)
    incr = _tolerant(_missing_key)(RedisCache.incr)
    set_many = _tolerant(lambda data, *a, **k: list(data))(RedisCache.set_many)
    delete_many = _tolerant(lambda *a, **k: None)(RedisCache.delete_many)
    clear = _tolerant(lambda *a, **k: False)(RedisCache.clear)


class SharedFileCache(FileBasedCache):
    """Django's file cache, counting its files on one write in ``CULL_CHECK_EVERY`` instead of on every write.

    Without Redis it holds the version tokens and sessions that gunicorn's workers and the background
    worker share (``core.versions``). Django's file cache lists its whole directory on every write to see
    whether it is over ``MAX_ENTRIES``; a comment moves several versions, each written twice (now and on
    commit), so under load that listing was the costliest part of writing. The limit still holds, give or
    take ``CULL_CHECK_EVERY`` writes per process.
    """

    CULL_CHECK_EVERY = 100

    def __init__(self, dir, params):  # noqa: A002 (Django's own parameter name)
        super().__init__(dir, params)
        self._writes_since_check = 0

    def _cull(self):
        self._writes_since_check += 1
        if self._writes_since_check < self.CULL_CHECK_EVERY:
            return
        self._writes_since_check = 0
        super()._cull()
