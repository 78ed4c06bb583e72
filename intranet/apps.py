from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntranetConfig(AppConfig):
    """The project package: login wall, search, health check, benchmark commands."""

    name = "intranet"
    verbose_name = _("Intranettet")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from wagtail.search.index import get_indexed_models

        from .search import content_changed

        # Any change to something search can find (or to a person's name) outdates cached result pages.
        for model in [*get_indexed_models(), get_user_model()]:
            post_save.connect(content_changed, sender=model, dispatch_uid=f"search_cache_{model._meta.label}_save")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"search_cache_{model._meta.label}_del")
        m2m_changed.connect(content_changed, dispatch_uid="search_cache_m2m")
