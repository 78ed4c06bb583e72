from django import template

from ..text import highlight as highlight_text

register = template.Library()


@register.filter
def highlight(text, pattern):
    """``{{ result.excerpt|highlight:pattern }}``: the text escaped, the searched words in ``<mark>``."""
    return highlight_text(text, pattern)
