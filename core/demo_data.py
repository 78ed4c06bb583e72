"""Demo content as data: each app keeps its demo texts in ``<app>/fixtures/demo/<name>.json``.

The app's ``demo.py`` stays a small loader that reads the file with :func:`load` and creates the
objects through the app's own models and services, so the content can be edited without touching code.
Dates that must move with time are written as offsets (days or minutes) and turned into dates by the loader.
"""

import datetime
import json
from pathlib import Path

from django.apps import apps


def path(app_label, name):
    """Where an app's demo data file lives."""
    return Path(apps.get_app_config(app_label).path) / "fixtures" / "demo" / f"{name}.json"


def load(app_label, name):
    """The parsed content of ``<app>/fixtures/demo/<name>.json``."""
    with path(app_label, name).open(encoding="utf-8") as handle:
        return json.load(handle)


def parse_date(text):
    """An ISO date (``2011-10-27``) from a data file."""
    return datetime.date.fromisoformat(text)


def stream(blocks):
    """A StreamField value from ``[{"type": ..., "value": ...}, ...]`` as written in a data file."""
    return [(block["type"], block["value"]) for block in blocks]
