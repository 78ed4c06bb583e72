from django.db import models
from django.utils.translation import gettext_lazy as _


class IdeaStatus(models.TextChoices):
    NEW = "ny", _("Ny")
    SELECTED = "udvalgt", _("Udvalgt")
    TRIAL = "afproeves", _("Afprøves")
    IMPLEMENTED = "implementeret", _("Implementeret")
    PARKED = "parkeret", _("Parkeret")


# Where an idea may go from each status. Parking is always possible, and an idea can be
# taken back one step when it was moved too early.
IDEA_MOVES = {
    IdeaStatus.NEW: [IdeaStatus.SELECTED, IdeaStatus.PARKED],
    IdeaStatus.SELECTED: [IdeaStatus.TRIAL, IdeaStatus.NEW, IdeaStatus.PARKED],
    IdeaStatus.TRIAL: [IdeaStatus.IMPLEMENTED, IdeaStatus.SELECTED, IdeaStatus.PARKED],
    IdeaStatus.IMPLEMENTED: [IdeaStatus.TRIAL],
    IdeaStatus.PARKED: [IdeaStatus.NEW, IdeaStatus.SELECTED],
}
