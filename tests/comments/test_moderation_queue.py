"""Reported comments on /moderering/: the reporters' reasons, hiding and dismissing from the same place."""

import pytest

from comments.admin_views import action_url, comment_viewset
from comments.models import Comment, CommentReport

from .test_moderation_admin import comments  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_the_queue_shows_who_reported_and_why(client, moderator, comments, colleague):  # noqa: F811
    client.force_login(moderator)
    html = client.get("/moderering/").content.decode()
    assert "Noget grimt om kantinen" in html
    assert "Uvenligt" in html
    assert colleague.get_full_name() in html
    assert action_url("hide", comments["rude"]) in html
    assert action_url("dismiss", comments["rude"]) in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_dismissing_from_the_queue_closes_the_reports_and_returns_there(client, moderator, comments):  # noqa: F811
    client.force_login(moderator)
    response = client.post(action_url("dismiss", comments["rude"]), {"next": "/moderering/"})
    assert response.status_code == 302
    assert response["Location"] == "/moderering/"
    assert Comment.objects.get(pk=comments["rude"].pk).is_visible
    assert not CommentReport.objects.filter(resolved_at__isnull=True).exists()


def test_hiding_from_the_queue_needs_a_reason_and_returns_there(client, moderator, comments):  # noqa: F811
    client.force_login(moderator)
    url = action_url("hide", comments["rude"])
    response = client.post(url, {"reason": "", "next": "/moderering/"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Uvenligt" in html  # the reason is shown where the moderator acts
    assert 'name="next" value="/moderering/"' in html
    response = client.post(url, {"reason": "Nedsættende", "next": "/moderering/"})
    assert response["Location"] == "/moderering/"
    assert Comment.objects.get(pk=comments["rude"].pk).is_hidden


def test_next_never_leaves_the_site(client, moderator, comments):  # noqa: F811
    client.force_login(moderator)
    response = client.post(action_url("dismiss", comments["rude"]), {"next": "https://evil.example/"})
    assert response["Location"] == comment_viewset.list_url


def test_the_queue_draws_reports_in_constant_queries(client, moderator, article, colleague, make_user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def grow(start, end):
        for n in range(start, end):
            comment = Comment.objects.create(page=article, author=colleague, body=f"Anmeldt {n}")
            for reporter in reporters[:3]:
                CommentReport.objects.create(comment=comment, reporter=reporter, reason=f"Grund {n}")

    def queries():
        client.get("/moderering/")
        with CaptureQueriesContext(connection) as context:
            response = client.get("/moderering/")
        assert response.status_code == 200
        return len(context.captured_queries)

    reporters = [make_user(f"anmelder{n}", first_name="Anna", last_name=f"Melder {n}") for n in range(3)]
    client.force_login(moderator)
    grow(0, 1)
    small = queries()
    grow(1, 12)
    assert queries() == small
