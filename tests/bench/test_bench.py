"""The benchmark's data filler, at a tiny scale: what `make bench` measures must exist and be reachable."""

from io import StringIO

import psycopg
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from psycopg import sql
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from bench.management.commands.create_bench_database import server_params
from bench.targets import BENCH_USERNAME, BUSY_ARTICLE_SLUG, bench_targets, loadtest_targets
from comments.models import Comment
from news.models import NewsArticlePage
from projects.models import ProjectPage
from workshops.models import Idea, WorkshopOutcomePage

pytestmark = pytest.mark.django_db


def test_seed_bench_refuses_a_database_that_is_not_a_benchmark_database():
    with pytest.raises(CommandError, match="benchmark-database"):
        call_command("seed_bench", scale=0.001, stdout=StringIO())


def on_postgresql(settings):
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def test_create_bench_database_refuses_other_names_and_leaves_sqlite_to_migrate(settings):
    if not on_postgresql(settings):
        out = StringIO()
        call_command("create_bench_database", name="intranet", stdout=out)
        assert out.getvalue() == ""  # migrate makes the SQLite file itself
        return
    with pytest.raises(CommandError, match="benchmark-database"):
        call_command("create_bench_database", name="intranet", stdout=StringIO())


def test_create_bench_database_makes_a_missing_postgresql_database_once(settings):
    """On PostgreSQL `make bench` needs no `createdb` first (on SQLite the test above covers the command)."""
    if not on_postgresql(settings):
        return
    name = "intranet_bench_made_by_tests"
    params = server_params(settings.DATABASES["default"])
    drop = sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name))
    with psycopg.connect(**params, autocommit=True) as connection:
        connection.execute(drop)
    try:
        first, second = StringIO(), StringIO()
        call_command("create_bench_database", name=name, stdout=first)
        call_command("create_bench_database", name=name, stdout=second)
        assert f"Databasen {name} er oprettet." in first.getvalue()
        assert f"Databasen {name} findes." in second.getvalue()
        with psycopg.connect(**params, autocommit=True) as connection:
            assert connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    finally:
        with psycopg.connect(**params, autocommit=True) as connection:
            connection.execute(drop)


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
        "article",
        "article_200_comments",
        "project_page",
        "search",
        "search_as_you_type",
        "report",
    }
    client = Client()
    client.force_login(get_user_model().objects.get(username=BENCH_USERNAME))
    for name, path in targets.items():
        assert client.get(path).status_code == 200, name

    again = StringIO()
    call_command("seed_bench", scale=0.002, force=True, stdout=again)
    assert "allerede fyldt" in again.getvalue()
    assert NewsArticlePage.objects.count() == 20


def test_seed_bench_builds_a_valid_page_tree_in_bulk_that_is_served_and_found(role_groups):
    call_command("seed_bench", scale=0.002, force=True, stdout=StringIO())

    assert all(not problems for problems in Page.find_problems())  # paths, depth, numchild
    article = NewsArticlePage.objects.live().get(slug="nyhed-2")
    project = ProjectPage.objects.live().get(slug="projekt-1")
    outcome = WorkshopOutcomePage.objects.live().child_of(project).order_by("pk").first()
    assert project.numchild == WorkshopOutcomePage.objects.child_of(project).count() > 0
    for page in (article, project, outcome):
        assert page.draft_title == page.title
        assert page.url_path == page.get_parent().url_path + page.slug + "/"
        assert page.content_type.model_class() is type(page)
        assert page.latest_revision_id == page.live_revision_id is not None
        assert page.get_latest_revision().as_object().title == page.title
    assert sorted(article.get_latest_revision().content["categories"]) == sorted(
        article.categories.values_list("pk", flat=True)
    )

    client = Client()
    client.force_login(get_user_model().objects.get(username=BENCH_USERNAME))
    for page in (article, project, outcome):
        assert client.get(page.url).status_code == 200, page.url
    assert project.title in client.get(outcome.url).content.decode()

    backend = get_search_backend()
    assert article in backend.search(article.title, NewsArticlePage)
    assert outcome in backend.search(outcome.title, WorkshopOutcomePage)
    assert Idea.objects.count() and backend.search(Idea.objects.first().title, Idea).count()
    found = client.get("/soeg/", {"q": "medborgerskab"}).content.decode()
    assert "/nyheder/nyhed-" in found


def test_the_load_test_opens_and_posts_to_real_articles_only(role_groups):
    call_command("seed_bench", scale=0.002, force=True, stdout=StringIO())
    targets = loadtest_targets()
    live_articles = {page.url for page in NewsArticlePage.objects.live()}
    live_projects = {page.url for page in ProjectPage.objects.live()}
    assert targets["articles"] and set(targets["articles"]) <= live_articles
    assert "/nyheder/feed/" not in targets["articles"]
    assert targets["projects"] and set(targets["projects"]) <= live_projects


def test_the_load_tests_users_arrive_logged_in_with_a_session_made_before_the_run(make_user, home_page):
    from django.conf import settings

    from bench.management.commands.run_loadtest import end_sessions, signed_in_sessions

    reader = make_user("belastning001")
    make_user("belastning002", is_active=False)
    sessions = signed_in_sessions([reader.username, "belastning002"])
    assert set(sessions) == {reader.username}
    client = Client(HTTP_HOST="localhost")
    client.cookies[settings.SESSION_COOKIE_NAME] = sessions[reader.username]
    response = client.get("/")
    assert response.status_code == 200 and response.wsgi_request.user == reader
    end_sessions(sessions.values())
    assert client.get("/").status_code == 302
