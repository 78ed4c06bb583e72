from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site search over every app's registered sources (``core.search``), with its own result cache."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    label = "search"
    verbose_name = _("Søgning")

    def ready(self):
        from .cache import connect_index_updates, connect_invalidation
        from .sources import get_sources

        # The sources' hooks live in the apps' wagtail_hooks modules; Wagtail loads them on first use.
        connect_invalidation(get_sources())
        connect_index_updates()
