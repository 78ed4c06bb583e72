"""The moderation queue, the standard pages, search and the error pages: within the SQL budget for every
role, and the same count for a small and a larger site (tests/query_budget.py, tests/page_world.py)."""

import pytest

from ..page_world import World, counts_for_roles

pytestmark = pytest.mark.django_db


def shared_pages(world, role):
    moderates = role in ("projektleder", "moderator", "kommunikation")
    return {
        "moderation queue": ("/moderering/", 200 if moderates else 403),
        "standard page": (world.standard.url, 200),
        "notifications": ("/notifikationer/", 200),
        "notification settings": ("/notifikationer/indstillinger/", 200),
        "search": ("/soeg/?q=projekt", 200),
        "search by type": ("/soeg/?q=workshop&type=workshopresultater", 200),
        "search suggestions": ("/soeg/forslag/?q=proj", 200),
        "not found": ("/findes-ikke/", 404),
    }


def test_shared_pages_stay_within_the_budget_for_every_role_at_two_sizes(client, home_page, role_groups):
    world = World(home_page)
    few = counts_for_roles(client, world.grow(2), shared_pages)
    many = counts_for_roles(client, world.grow(5), shared_pages)
    assert many == few
