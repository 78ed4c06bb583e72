from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Shared building blocks (abstract base page, StreamField blocks) every content app uses."""

    name = "core"
    verbose_name = _("Fælles byggeklodser")

    def ready(self):
        from .spreadsheets import protect_wagtail_exports

        protect_wagtail_exports()
