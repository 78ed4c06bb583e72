from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectStatus(models.TextChoices):
    IDEA = "ide", _("Idé")
    ACTIVE = "i-gang", _("I gang")
    DONE = "afsluttet", _("Afsluttet")
