"""The benchmark's data filler, at a tiny scale: what `make bench` measures must exist and be reachable."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from bench.targets import BENCH_USERNAME, BUSY_ARTICLE_SLUG, bench_targets
from comments.models import Comment
from news.models import NewsArticlePage
from workshops.models import Idea, WorkshopOutcomePage

pytestmark = pytest.mark.django_db


def test_seed_bench_refuses_a_database_that_is_not_a_benchmark_database():
    with pytest.raises(CommandError, match="benchmark-database"):
        call_command("seed_bench", scale=0.001, stdout=StringIO())


def test_seed_bench_fills_every_measured_page_and_is_idempotent(role_groups):
    out = StringIO()
    call_command("seed_bench", scale=0.002, force=True, stdout=out)
    assert "Benchmark-databasen er fyldt" in out.getvalue()
    assert NewsArticlePage.objects.live().count() == 20
    assert WorkshopOutcomePage.objects.live().count() == 4
    assert Idea.objects.count() == 40
    assert Comment.objects.filter(page__slug=BUSY_ARTICLE_SLUG).count() == 200
    assert Comment.objects.count() == 200

    targets = dict(bench_targets())
    assert set(targets) == {
        "healthz",
        "dashboard",
        "news_index",
        "article_200_comments",
        "project_page",
        "search",
        "search_as_you_type",
        "report",
    }
    client = Client()
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=BENCH_USERNAME))
    for name, path in targets.items():
        assert client.get(path).status_code == 200, name

    again = StringIO()
    call_command("seed_bench", scale=0.002, force=True, stdout=again)
    assert "allerede fyldt" in again.getvalue()
    assert NewsArticlePage.objects.count() == 20
