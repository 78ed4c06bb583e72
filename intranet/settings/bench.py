"""The benchmark and load test (``make bench``, ``make loadtest``): production settings plus the bench app."""

from .production import *  # noqa: F403
from .production import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
