"""The RSS feed for logged-in users and the personal secret feed address."""

import datetime

import feedparser
import pytest
from django.test import Client
from django.urls import reverse

from news.models import FeedToken
from tests.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_articles(news_index, categories):
    return [
        NewsArticlePageFactory(
            parent=news_index,
            title=f"Nyhed {number:02d}",
            introduction=f"Manchet {number:02d}",
            date=datetime.date(2012, 1, 1) + datetime.timedelta(days=number),
            categories=[categories["it"]],
        )
        for number in range(25)
    ]


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def test_feed_is_valid_rss_with_the_latest_20_articles(client, many_articles, employee):
    client.force_login(employee)
    feed = parse(client.get("/nyheder/feed/"))
    assert feed.version == "rss20"
    assert len(feed.entries) == 20
    newest = feed.entries[0]
    assert newest.title == "Nyhed 24"
    assert newest.summary == "Manchet 24"
    assert newest.link.endswith("/nyheder/nyhed-24/")
    assert newest.published_parsed[:3] == (2012, 1, 25)
    assert "Nyhed 04" not in [entry.title for entry in feed.entries]


def test_feed_escapes_markup_in_titles(client, news_index, categories, employee):
    NewsArticlePageFactory(parent=news_index, title="<script>alert(1)</script> & mere", categories=[categories["it"]])
    client.force_login(employee)
    response = client.get("/nyheder/feed/")
    assert b"<script>" not in response.content
    assert parse(response).entries[0].title == "<script>alert(1)</script> & mere"


def test_feed_needs_login(client, news_index):
    response = client.get("/nyheder/feed/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_personal_feed_works_without_login(client, many_articles, employee):
    token = FeedToken.for_user(employee).token
    feed = parse(Client().get(f"/feed/nyheder/{token}/"))
    assert len(feed.entries) == 20
    assert feed.entries[0].title == "Nyhed 24"


@pytest.mark.parametrize(
    "path",
    ["/feed/nyheder/forkert-noegle/", "/feed/", "/feed/nyheder/", "/feed/andet/", "/feed/nyheder/x/y/"],
)
def test_anything_else_under_the_public_prefix_is_404(client, news_index, path):
    assert client.get(path).status_code == 404


def test_public_prefix_does_not_open_similar_paths(client, news_index):
    for path in ["/feedx/", "/nyheder/feed/", "/nyheder/"]:
        assert client.get(path).status_code == 302, path


def test_personal_feed_only_answers_get(client, news_index, employee):
    token = FeedToken.for_user(employee).token
    assert Client().post(f"/feed/nyheder/{token}/").status_code == 405


def test_inactive_users_feed_stops_working(client, news_index, employee):
    token = FeedToken.for_user(employee).token
    employee.is_active = False
    employee.save()
    assert client.get(f"/feed/nyheder/{token}/").status_code == 404


def test_profile_shows_the_own_feed_address_only(client, news_index, employee, make_user):
    other = make_user("kollega")
    client.force_login(employee)
    token = FeedToken.for_user(employee).token
    own = client.get(reverse("people:profile", kwargs={"username": "medarbejder"})).content.decode()
    assert f"/feed/nyheder/{token}/" in own
    assert 'action="/nyhedsfeed/ny-adresse/"' in own
    theirs = client.get(reverse("people:profile", kwargs={"username": other.username})).content.decode()
    assert "/feed/nyheder/" not in theirs
    assert FeedToken.for_user(other).token not in theirs


def test_regenerating_revokes_the_old_address(client, many_articles, employee):
    old_token = FeedToken.for_user(employee).token
    client.force_login(employee)
    response = client.post(reverse("news:regenerate_feed_token"))
    assert response.status_code == 302
    new_token = FeedToken.objects.get(user=employee).token
    assert new_token != old_token
    anonymous = Client()
    assert anonymous.get(f"/feed/nyheder/{old_token}/").status_code == 404
    assert anonymous.get(f"/feed/nyheder/{new_token}/").status_code == 200


def test_regenerating_needs_post_and_csrf(news_index, employee):
    token = FeedToken.for_user(employee).token
    client = Client(enforce_csrf_checks=True)
    client.force_login(employee)
    assert client.get(reverse("news:regenerate_feed_token")).status_code == 405
    assert client.post(reverse("news:regenerate_feed_token")).status_code == 403
    assert FeedToken.objects.get(user=employee).token == token


def test_anonymous_cannot_regenerate(news_index):
    assert Client().post(reverse("news:regenerate_feed_token")).status_code == 403


def test_an_article_is_dated_when_it_went_out_and_never_in_the_future(client, news_index, employee):
    from django.utils import timezone

    from news.models import NewsArticlePage

    early = timezone.localtime().replace(hour=4, minute=4, second=0, microsecond=0)
    if early > timezone.now():
        early -= datetime.timedelta(days=1)
    article = NewsArticlePage(title="Tidlig nyhed", introduction="Udgivet før otte.", date=None, live=False)
    news_index.add_child(instance=article)
    article.save_revision().publish()
    NewsArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=early, last_published_at=early, date=timezone.localdate(early)
    )
    ahead = NewsArticlePageFactory(parent=news_index, title="Dato sat frem", date=timezone.localdate())
    client.force_login(employee)
    entries = {entry.title: entry for entry in parse(client.get("/nyheder/feed/")).entries}
    assert entries["Tidlig nyhed"].published_parsed[:5] == timezone.localtime(early).utctimetuple()[:5]
    shown = datetime.datetime(*entries["Dato sat frem"].published_parsed[:6], tzinfo=datetime.UTC)
    assert shown <= timezone.now() + datetime.timedelta(seconds=1)
    assert ahead.live
