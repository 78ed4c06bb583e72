from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntranetConfig(AppConfig):
    """The project package: login wall, health check, benchmark commands."""

    name = "intranet"
    verbose_name = _("Intranettet")
