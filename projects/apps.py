from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    """Theme projects of the strategy, each kept by its lead."""

    name = "projects"
    verbose_name = _("Projekter")

    def ready(self):
        from . import signals  # noqa: F401
