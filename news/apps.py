from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """News from Kommunikation: the index at /nyheder/, articles, categories and the RSS feed."""

    name = "news"
    verbose_name = _("Nyheder")

    def ready(self):
        from . import signals  # noqa: F401
