"""Django's model backend with each person and her permissions kept between requests.

Every request reads the logged-in person (``get_user``, from the session's user id) and every page
asks ``has_perm`` (the header's admin link, Wagtail's user bar); Django's backend reads both from
the database on each request. This one keeps them under the person's access versions
(core/invalidation.py), which move when her account row is saved (a password, ``is_active``, a
name, the last login), when her groups or permissions change, or, for ``access``, when any group's
do; so a deactivated account or a changed password ends her sessions at once, as before.
The kept account holds the password *hash*, as the database does; the cache is as private as the
database (per-process memory, or the site's own Redis beside its sessions).
https://docs.djangoproject.com/en/5.2/topics/auth/customizing/#handling-authorization-in-custom-backends
"""

from django.contrib.auth.backends import ModelBackend

from . import versions
from .invalidation import ACCESS, user_access


class CachedUserMixin:
    """``get_user`` (the session's user id to a person, or ``None``) kept under her access version."""

    def get_user(self, user_id):
        def fetch():
            return super(CachedUserMixin, self).get_user(user_id)

        return versions.cached(("user", type(self).__name__, user_id), [user_access(user_id)], fetch)


class CachedPermissionsBackend(CachedUserMixin, ModelBackend):
    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        # ``_perm_cache`` is ModelBackend's own per-request cache: filling it serves every backend
        # derived from ModelBackend (the single sign-on backend too).
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = versions.cached(
                ("permissions", user_obj.pk, user_obj.is_superuser),
                [ACCESS, user_access(user_obj.pk)],
                lambda: super(CachedPermissionsBackend, self).get_all_permissions(user_obj),
            )
        return user_obj._perm_cache
