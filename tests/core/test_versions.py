"""core.versions: a cached value is recomputed exactly when a version it names moves."""

import pytest
from django.contrib.auth.models import Group, Permission

from core import versions
from core.invalidation import ACCESS, PAGES, user_access

pytestmark = pytest.mark.django_db


def counting(value):
    calls = []

    def compute():
        calls.append(1)
        return value

    return compute, calls


def test_a_value_is_computed_once_until_its_version_moves():
    compute, calls = counting("menu")
    assert versions.cached(("menu", "da"), ["pages"], compute) == "menu"
    assert versions.cached(("menu", "da"), ["pages"], compute) == "menu"
    assert len(calls) == 1
    versions.bump("pages")
    versions.cached(("menu", "da"), ["pages"], compute)
    assert len(calls) == 2


def test_key_parts_and_other_versions_are_kept_apart():
    compute, calls = counting(None)
    versions.cached(("x", "da"), ["a"], compute)
    versions.cached(("x", "en"), ["a"], compute)
    assert len(calls) == 2
    versions.bump("b")
    versions.cached(("x", "da"), ["a"], compute)
    assert len(calls) == 2, "None is a value too, and b is not a version of x"


def test_a_bump_inside_a_transaction_moves_again_on_commit(django_capture_on_commit_callbacks):
    before = versions.version("pages")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        versions.bump("pages")
    during = versions._read("pages")
    assert during != before
    for callback in callbacks:
        callback()
    assert versions._read("pages") not in (before, during)


def test_signals_move_the_shell_versions(employee):
    pages, own, everyone = versions._read(PAGES), versions._read(user_access(employee.pk)), versions._read(ACCESS)
    group = Group.objects.create(name="Nye")
    assert versions._read(ACCESS) != everyone
    employee.groups.add(group)
    assert versions._read(user_access(employee.pk)) != own
    everyone = versions._read(ACCESS)
    group.permissions.add(Permission.objects.first())
    assert versions._read(ACCESS) != everyone
    own = versions._read(user_access(employee.pk))
    group.user_set.remove(employee)
    assert versions._read(user_access(employee.pk)) != own
    from wagtail.models import Site

    Site.objects.first().save()
    assert versions._read(PAGES) != pages
