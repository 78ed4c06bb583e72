from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReactionsConfig(AppConfig):
    """ "Synes godt om" on any registered model, and support for ideas ("Støt idéen").

    Knows no other app of the project: apps above register what can be reacted to through the
    ``register_reactables`` Wagtail hook (see :mod:`reactions.registry`).
    """

    name = "reactions"
    verbose_name = _("Reaktioner")
