"""The ideas of a workshop outcome, kept in the page's revisions so reviewers see exactly what was submitted."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

IDEA_TITLE_MAX_LENGTH = 200
IDEA_DESCRIPTION_MAX_LENGTH = 3000


class IdeaBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Idéens titel"), max_length=IDEA_TITLE_MAX_LENGTH)
    description = blocks.TextBlock(label=_("Beskrivelse"), max_length=IDEA_DESCRIPTION_MAX_LENGTH)

    class Meta:
        icon = "pick"
        label = _("Idé")
        template = "workshops/blocks/idea_block.html"


class IdeasBlock(blocks.StreamBlock):
    idea = IdeaBlock()

    class Meta:
        min_num = 1
