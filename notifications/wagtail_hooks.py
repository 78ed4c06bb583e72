from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .kinds import Kind

FOLLOWED_CONTENT = "followed_content"


@hooks.register("register_notification_kinds")
def follow_kinds():
    return [
        Kind(
            FOLLOWED_CONTENT,
            _("Nyt i det, jeg følger"),
            _("Nyt i det, du følger: “%(title)s”"),
            help_text=_(
                "Nye nyheder, workshopresultater og kommentarer i projekter, kategorier og resultater, du følger."
            ),
            order=90,
        )
    ]
