"""The intranet's roles are Django groups; their names are fixed here and listed in the README's demo users.

Other apps refer to a role by these names only (never by importing each other), and grant
their own permissions to the groups in their own data migrations.
"""

from core import versions
from core.invalidation import ACCESS, user_access

EMPLOYEES = "Medarbejdere"
CHANGE_AGENTS = "Forandringsagenter"
PROJECT_LEADS = "Projektledere"
COMMUNICATIONS = "Kommunikation"
MODERATORS = "Moderatorer"

ALL = [EMPLOYEES, CHANGE_AGENTS, PROJECT_LEADS, COMMUNICATIONS, MODERATORS]

# Only these roles (and superusers) reach the Wagtail admin.
ADMIN_ROLES = [PROJECT_LEADS, COMMUNICATIONS, MODERATORS]


def has_role(user, *names):
    """True when the user is in one of the named groups (uses the cached group list)."""
    if not user.is_authenticated:
        return False
    return bool(set(names) & user_group_names(user))


def user_group_names(user):
    """The names of the user's groups: kept for the request, and between requests under the user's
    access versions (core/invalidation.py), so joining or leaving a group shows at once."""
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = versions.cached(
            ("group_names", user.pk),
            [ACCESS, user_access(user.pk)],
            lambda: set(user.groups.values_list("name", flat=True)),
        )
        user._role_names = cached
    return cached
