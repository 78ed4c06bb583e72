"""The news index and an article page run a constant number of SQL queries, however much content there is."""

import datetime
import io

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from comments.models import Comment
from tests.factories import NewsArticlePageFactory, UserFactory

pytestmark = pytest.mark.django_db


def make_image(title):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (64, 36), (0, 89, 179)).save(buffer, "PNG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name=f"{title}.png"))


def add_articles(index, categories, count, start=0):
    image = make_image(f"billede-{start}")
    for number in range(start, start + count):
        NewsArticlePageFactory(
            parent=index,
            title=f"Nyhed {number}",
            slug=f"nyhed-{number}",
            date=datetime.date(2012, 1, 1) + datetime.timedelta(days=number % 300),
            listing_image=image,
            categories=[categories["it"], categories["social"]],
        )


def add_comments(page, count):
    authors = [UserFactory() for _ in range(5)]
    parents = Comment.objects.bulk_create(
        [Comment(page=page, author=authors[n % 5], body=f"Kommentar {n}") for n in range(count // 2)]
    )
    Comment.objects.bulk_create(
        [Comment(page=page, author=authors[n % 5], body=f"Svar {n}", parent=parents[n]) for n in range(count // 2)]
    )


def add_reactions(page, people):
    """``people`` colleagues like the page and each of its comments, one of them with an @mention."""
    from reactions import services as reaction_services

    users = [UserFactory() for _ in range(people)]
    comments = list(Comment.objects.filter(page=page).order_by("-pk"))
    Comment.objects.filter(pk=comments[0].pk).update(body=f"Spørg @{users[0].username}")
    for user in users:
        reaction_services.add(user, page)
        for comment in comments[:50]:
            reaction_services.add(user, comment)


def count_queries(client, url):
    client.get(url)  # warm-up: image renditions are made on the first view
    client.get(url)  # the first view of a fresh site also makes its settings row, which moves `pages`
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response


def test_news_index_queries_do_not_grow_with_articles_or_comments(client, news_index, categories, employee):
    client.force_login(employee)
    add_articles(news_index, categories, 10)
    few, response = count_queries(client, "/nyheder/")
    assert len(response.context["articles"]) == 10
    # A category's page also carries its "Følg" button (one query), at every size.
    filtered_few, _response = count_queries(client, "/nyheder/?kategori=it")
    add_articles(news_index, categories, 290, start=10)
    for article in news_index.articles()[:3]:
        add_comments(article, 200)
    many, response = count_queries(client, "/nyheder/")
    assert len(response.context["articles"]) == 20
    assert "200 kommentarer" in response.content.decode()
    assert few == many
    filtered, _response = count_queries(client, "/nyheder/?kategori=it&page=3")
    assert filtered == filtered_few


def test_article_page_queries_do_not_grow_with_articles_or_comments(client, news_index, categories, employee):
    client.force_login(employee)
    add_articles(news_index, categories, 10)
    article = NewsArticlePageFactory(parent=news_index, title="Målt", categories=[categories["it"]])
    add_comments(article, 2)
    add_reactions(article, 1)
    few, response = count_queries(client, article.url)
    assert "2 kommentarer" in response.content.decode()
    add_articles(news_index, categories, 290, start=10)
    add_comments(article, 198)
    add_reactions(article, 29)
    many, response = count_queries(client, article.url)
    assert "200 kommentarer" in response.content.decode()
    assert "30 synes godt om" in response.content.decode()
    assert len(response.context["related_articles"]) == 3
    assert few == many


def test_article_page_queries_for_a_moderator_do_not_grow_with_comments(client, news_index, categories, make_user):
    from people import roles

    moderator = make_user("moderator", roles.MODERATORS)
    client.force_login(moderator)
    article = NewsArticlePageFactory(parent=news_index, title="Modereret", categories=[categories["it"]])
    add_comments(article, 2)
    few, _response = count_queries(client, article.url)
    add_comments(article, 200)
    many, response = count_queries(client, article.url)
    assert 'value="hide"' in response.content.decode()
    assert few == many


ROLES = {
    "medarbejder": (),
    "forandringsagent": ("Forandringsagenter",),
    "projektleder": ("Projektledere",),
    "moderator": ("Moderatorer",),
    "kommunikation": ("Kommunikation",),
}


def test_news_pages_for_every_role_stay_the_same_from_demo_to_benchmark_size(
    client, news_index, categories, make_user, role_groups
):
    """Each role's repeated visit to the index, a category, an article and the busy article: the same count at both sizes."""
    from people import roles
    from tests.query_budget import assert_within_budget
    from tests.query_budget import count_queries as budget_count

    people = {name: make_user(name, roles.EMPLOYEES, *groups) for name, groups in ROLES.items()}
    add_articles(news_index, categories, 10)
    article = NewsArticlePageFactory(parent=news_index, title="Læst", categories=[categories["it"]])
    busy = NewsArticlePageFactory(parent=news_index, title="Travl", categories=[categories["it"]])
    add_comments(busy, 20)
    urls = ["/nyheder/", "/nyheder/?kategori=it", article.url, busy.url]

    def measure():
        counts = {}
        for name, user in people.items():
            client.force_login(user)
            counts[name] = [budget_count(client, url)[0] for url in urls]
        return counts

    client.force_login(people["medarbejder"])
    client.get("/nyheder/")  # the first view of a fresh site makes its settings row, which moves `pages`
    small = measure()
    add_articles(news_index, categories, 290, start=10)
    add_comments(busy, 180)
    add_reactions(busy, 10)
    large = measure()
    print("queries per role (index, category, article, busy article):", large)
    assert small == large
    for name, counts in large.items():
        for url, count in zip(urls, counts, strict=True):
            assert_within_budget(count, f"{url} ({name})")
