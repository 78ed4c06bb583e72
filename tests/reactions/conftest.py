import pytest

from news.models import NewsCategory
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory


@pytest.fixture
def news_index(home_page, role_groups):
    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def category(db):
    return NewsCategory.objects.get_or_create(slug="it", defaults={"name": "IT"})[0]


@pytest.fixture
def article(news_index, category, make_user):
    author = make_user("skribent", first_name="Sofie", last_name="Skriver")
    return NewsArticlePageFactory(
        parent=news_index, title="En nyhed", slug="en-nyhed", author=author, categories=[category]
    )


@pytest.fixture
def colleague(make_user):
    return make_user("kollega", first_name="Kim", last_name="Kollega")
