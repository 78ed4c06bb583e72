"""Text helpers every app shares."""

from django.utils.text import slugify

# Danes spell æ, ø and å out as ae, oe and aa when a word must be plain ASCII (web addresses).
DANISH_LETTERS = {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"}
_DANISH_TABLE = str.maketrans(DANISH_LETTERS)


def danish_slugify(value):
    """``slugify`` that writes "nytårskur på rådhuset" as ``nytaarskur-paa-raadhuset``.

    Django's own slugify drops æ and ø and turns å into a, which makes Danish addresses unreadable.
    """
    return slugify(str(value).translate(_DANISH_TABLE))
