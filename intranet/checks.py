"""System checks for configuration that settings alone cannot validate."""

from django.conf import settings
from django.core.checks import Error, register

from people import roles


@register()
def oidc_group_map_names_roles(app_configs, **kwargs):
    """``OIDC_GROUP_MAP`` may only map onto the intranet's role groups (never onto a project's lead group)."""
    unknown = sorted({name for names in settings.OIDC_GROUP_MAP.values() for name in names} - set(roles.ALL))
    if not unknown:
        return []
    return [
        Error(
            f"OIDC_GROUP_MAP nævner ukendte grupper: {', '.join(unknown)}.",
            hint=f"Brug en af: {', '.join(roles.ALL)}.",
            id="intranet.E001",
        )
    ]
