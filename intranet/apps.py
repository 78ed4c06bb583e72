from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntranetConfig(AppConfig):
    """The project package: login wall, single sign-on, health check, benchmark commands."""

    name = "intranet"
    verbose_name = _("Intranettet")

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
