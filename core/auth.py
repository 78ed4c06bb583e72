"""Django's model backend with each person's permissions kept between requests.

Every page asks ``has_perm`` (the header's admin link, Wagtail's user bar); Django's backend reads
the permissions from the database once per request. This one keeps them under the person's access
versions (core/invalidation.py), so a change of groups or of a group's permissions shows at once.
https://docs.djangoproject.com/en/5.2/topics/auth/customizing/#handling-authorization-in-custom-backends
"""

from django.contrib.auth.backends import ModelBackend

from . import versions
from .invalidation import ACCESS, user_access


class CachedPermissionsBackend(ModelBackend):
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
