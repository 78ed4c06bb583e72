from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    """Workshop outcomes: front-end submission, review by the project's lead, the idea pipeline."""

    name = "workshops"
    verbose_name = _("Workshopresultater")

    def ready(self):
        from . import signals

        signals.connect()
