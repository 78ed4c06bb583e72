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


def free_child_slug(parent, title, fallback, reserved=()):
    """A slug for a new child of ``parent``: the title spelled as Danes do, numbered when it is taken.

    ``reserved`` are addresses the parent serves itself (a route such as ``indsend``); a title that
    would take one gets ``-<fallback>`` added.
    """
    base = danish_slugify(title)[:60].strip("-") or fallback
    if base in reserved:
        base = f"{base}-{fallback}"
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug
