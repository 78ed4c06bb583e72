"""StreamField blocks shared by every page type, grouped by role.

Each block names its template under ``templates/components/streamfield/``.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


# --- Text --------------------------------------------------------------------
class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Overskrift"), max_length=120)
    size = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Overskrift 2")), ("h3", _("Overskrift 3")), ("h4", _("Overskrift 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Overskrift")
        template = "components/streamfield/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citat"))
    attribution = blocks.CharBlock(label=_("Hvem siger det"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Citat")
        template = "components/streamfield/quote_block.html"


# --- Media ---------------------------------------------------------------------
class ImageBlock(blocks.StructBlock):
    """An image with the text read to those who cannot see it: written here, or else the description
    the image was given in the image library (written once, used wherever the image is)."""

    image = ImageChooserBlock(label=_("Billede"))
    alt_text = blocks.CharBlock(
        label=_("Alternativ tekst"),
        max_length=250,
        required=False,
        help_text=_(
            "Beskriv billedet for dem, der ikke kan se det (krav efter WCAG 2.1). "
            "Tomt: billedets beskrivelse fra billedbiblioteket bruges."
        ),
    )
    caption = blocks.CharBlock(label=_("Billedtekst"), required=False, max_length=250)

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        described = (value.get("alt_text") or "").strip() or (getattr(image, "description", "") or "").strip()
        if image is not None and not described:
            message = _("Skriv en alternativ tekst, eller giv billedet en beskrivelse i billedbiblioteket.")
            raise StructBlockValidationError(block_errors={"alt_text": ValidationError(message)})
        return value

    class Meta:
        icon = "image"
        label = _("Billede")
        template = "components/streamfield/image_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(label=_("Linktekst"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Dokumentlink")
        template = "components/streamfield/document_block.html"


# --- Links ---------------------------------------------------------------------
class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Side på intranettet"), required=False)
    url = blocks.URLBlock(label=_("Ekstern adresse"), required=False)
    text = blocks.CharBlock(label=_("Linktekst"), required=False, max_length=200)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            from django.core.exceptions import ValidationError
            from wagtail.blocks.struct_block import StructBlockValidationError

            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Vælg enten en side eller en ekstern adresse."))}
            )
        return value

    class Meta:
        icon = "link"
        label = _("Link")
        template = "components/streamfield/link_block.html"


class RelatedLinksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Overskrift"), default=_("Læs mere"), max_length=120)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"))

    class Meta:
        icon = "list-ul"
        label = _("Læs mere")
        template = "components/streamfield/related_links_block.html"


class BodyBlock(blocks.StreamBlock):
    """The body of articles, projects and standard pages."""

    paragraph = blocks.RichTextBlock(
        label=_("Tekst"),
        features=["bold", "italic", "h2", "h3", "ol", "ul", "link", "document-link"],
        icon="pilcrow",
        template="components/streamfield/paragraph_block.html",
    )
    heading = HeadingBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    document = DocumentBlock()
    related_links = RelatedLinksBlock()
