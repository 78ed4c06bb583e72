"""Dates as each language writes them: ``{{ value|dato:"j. F Y" }}``.

Django's ``date`` filter with the format the template gives, written for Danish; in another
language the day loses its full stop ("7. december 2026" in Danish, "7 December 2026" in English).
"""

from django import template
from django.template.defaultfilters import date
from django.utils.translation import get_language

register = template.Library()


@register.filter(expects_localtime=True)
def dato(value, format_string):
    if not (get_language() or "da").startswith("da"):
        format_string = format_string.replace("j. ", "j ")
    return date(value, format_string)
