"""Admin widgets shared by every app."""

from wagtail.admin.widgets.slug import SlugInput

from .text import DANISH_LETTERS


class DanishSlugInput(SlugInput):
    """Wagtail's slug field, spelling æ, ø and å as ae, oe and aa while the editor types the title.

    ``formatters`` is Wagtail's supported way to transliterate before its own urlify
    (https://docs.wagtail.org/en/stable/reference/pages/panels.html#slug-field); with
    ``WAGTAIL_ALLOW_UNICODE_SLUGS = False`` the rest becomes plain ASCII. The server does the same
    in :func:`core.text.danish_slugify` for pages made without the editor.
    """

    def __init__(self, attrs=None, formatters=None, locale=None):
        formatters = [*(formatters or []), *[(letter, ascii) for letter, ascii in DANISH_LETTERS.items()]]
        super().__init__(attrs=attrs, formatters=formatters, locale=locale)
