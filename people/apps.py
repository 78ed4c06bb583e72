from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    """Users as people: roles (groups), profiles and the change-agent directory."""

    name = "people"
    verbose_name = _("Medarbejdere")

    def ready(self):
        from . import signals

        signals.connect_people_version()
