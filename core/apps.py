from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Shared building blocks (abstract base page, StreamField blocks) every content app uses."""

    name = "core"
    verbose_name = _("Fælles byggeklodser")

    def ready(self):
        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override

        from . import fragments, invalidation
        from .spreadsheets import protect_wagtail_exports
        from .widgets import DanishSlugInput

        protect_wagtail_exports()
        # The shell's cached parts (menu, settings, permissions) are kept under versions these signals move.
        invalidation.connect()
        fragments.connect_content_signals()
        # Every slug field in the admin (pages, categories) spells Danish letters out as it is typed.
        register_form_field_override(models.SlugField, override={"widget": DanishSlugInput})
