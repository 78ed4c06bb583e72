from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Forside og standardsider")

    def ready(self):
        from . import signals

        signals.connect()
