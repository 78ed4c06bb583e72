import pytest
from django.core.cache import cache

from people import roles
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory, StandardPageFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """The rate limit counts in the cache; each test starts with a clean count."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def article(home_page, role_groups):
    """A page type that opts in to comments (a news article)."""
    index = NewsIndexPageFactory(parent=home_page)
    return NewsArticlePageFactory(parent=index, title="En nyhed", slug="en-nyhed")


@pytest.fixture
def closed_page_type(home_page):
    """A page type without CommentablePageMixin."""
    return StandardPageFactory(parent=home_page, title="Om intranettet", slug="om")


@pytest.fixture
def moderator(make_user):
    return make_user("moderator", roles.MODERATORS, first_name="Mette", last_name="Mortensen")


@pytest.fixture
def communicator(make_user):
    return make_user("kommunikation", roles.COMMUNICATIONS)
