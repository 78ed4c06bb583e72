import pytest
from django.core.cache import cache

from news.models import NewsCategory
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory


@pytest.fixture
def news_index(home_page, role_groups):
    index = NewsIndexPageFactory(parent=home_page)
    return index


@pytest.fixture
def categories(db):
    """The categories the data migration seeds (recreated if a transactional test flushed them)."""
    names = [("Social", "social"), ("Sundhed", "sundhed"), ("IT", "it")]
    return {slug: NewsCategory.objects.get_or_create(slug=slug, defaults={"name": name})[0] for name, slug in names}


@pytest.fixture
def article(news_index, categories, make_user):
    author = make_user("skribent", "Kommunikation", first_name="Karla", last_name="Skriver")
    return NewsArticlePageFactory(
        parent=news_index,
        title="Forandringsagenter klar til workshops",
        slug="forandringsagenter-klar",
        introduction="Tyve kolleger er klar til at lede idéworkshops.",
        author=author,
        signature="ksk",
        categories=[categories["social"]],
    )


@pytest.fixture(autouse=True)
def empty_cache():
    """The comment rate limit counts in the cache; each test starts with a clean count."""
    cache.clear()
    yield
    cache.clear()
