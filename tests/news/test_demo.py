import pytest
from django.core.management import call_command

from comments.models import Comment
from news.models import NewsArticlePage, NewsCategory, NewsIndexPage

pytestmark = pytest.mark.django_db


def run_seed():
    from io import StringIO

    call_command("seed_demo", "--password", "demo", stdout=StringIO())


def test_seed_publishes_news_across_the_categories_with_local_images_and_threads(client):
    run_seed()
    index = NewsIndexPage.objects.get()
    assert index.live and index.url == "/nyheder/"
    articles = NewsArticlePage.objects.live().child_of(index)
    assert articles.count() >= 12
    used = set(NewsCategory.objects.filter(articles__in=articles).values_list("slug", flat=True))
    assert used == {"social", "sundhed", "teknik", "oekonomi", "it", "job", "indkoeb"}
    assert all(article.listing_image and article.listing_image.description for article in articles)
    first = articles.get(slug="20-forandringsagenter-skal-saette-skub-i-mental-frikommune")
    text = str(first.body)
    assert "10. november 2011" in text and "Aalborg Universitet" in text and "januar 2012" in text
    assert first.related_project is not None and first.related_project.slug == "aktivt-medborgerskab"
    assert first.author.username == "kommunikation"
    assert Comment.objects.filter(parent__isnull=False).exists()
    assert Comment.objects.values("page").distinct().count() >= 3
    assert Comment.objects.reported().count() == 1
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="medarbejder"))
    assert client.get("/nyheder/").status_code == 200
    response = client.get(first.url)
    assert response.status_code == 200
    assert "Læs mere" in response.content.decode()


def test_news_seed_is_idempotent():
    run_seed()
    before = (NewsArticlePage.objects.count(), Comment.objects.count(), NewsCategory.objects.count())
    run_seed()
    assert (NewsArticlePage.objects.count(), Comment.objects.count(), NewsCategory.objects.count()) == before
