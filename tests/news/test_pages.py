"""Page-tree rules, who may do what with news, and reading the index and an article."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from comments.models import Comment
from home.models import HomePage, StandardPage
from news.models import NewsArticlePage, NewsCategory, NewsIndexPage
from people import roles
from tests.factories import CommentFactory, NewsArticlePageFactory, ProjectIndexPageFactory, ProjectPageFactory


class TestPageTreeRules(WagtailPageTestCase):
    def test_news_index_only_under_the_front_page_and_only_once(self):
        self.assertCanCreateAt(HomePage, NewsIndexPage)
        self.assertCanNotCreateAt(Page, NewsIndexPage)
        self.assertCanNotCreateAt(StandardPage, NewsIndexPage)
        self.assertCanNotCreateAt(NewsIndexPage, NewsIndexPage)
        self.assertEqual(NewsIndexPage.max_count, 1)

    def test_articles_only_in_the_news_index_and_without_children(self):
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsArticlePage})
        self.assertAllowedParentPageTypes(NewsArticlePage, {NewsIndexPage})
        self.assertCanNotCreateAt(HomePage, NewsArticlePage)
        self.assertCanNotCreateAt(StandardPage, NewsArticlePage)
        self.assertAllowedSubpageTypes(NewsArticlePage, set())


def test_categories_are_seeded_by_the_migration(db):
    assert set(NewsCategory.objects.values_list("name", flat=True)) >= {
        "Social",
        "Sundhed",
        "Teknik",
        "Økonomi",
        "IT",
        "Job",
        "Indkøb",
    }


# --- Who may do what -----------------------------------------------------------
pytestmark = pytest.mark.django_db


def article_form_data(categories, **overrides):
    data = {
        "title": "Nye idéer i hjemmeplejen",
        "slug": "nye-ideer-i-hjemmeplejen",
        "introduction": "Hjemmeplejen afprøver tre idéer fra en workshop.",
        "body": streamfield([("paragraph", rich_text("<p>Tre idéer skal afprøves i foråret.</p>"))]),
        "date": "2012-02-01",
        "author_name": "",
        "signature": "kkj",
        "comments_open": "on",
    }
    data.update(overrides)
    data = nested_form_data(data)
    data["categories"] = [str(category.pk) for category in categories]
    return data


@pytest.fixture
def communicator(make_user):
    return make_user("kommunikation", roles.COMMUNICATIONS, first_name="Kasper", last_name="Kjærgaard")


def test_new_news_index_grants_kommunikation_page_rights(news_index, communicator):
    permissions = news_index.permissions_for_user(communicator)
    assert permissions.can_add_subpage()
    assert permissions.can_publish_subpage()


def test_kommunikation_creates_and_publishes_an_article_in_the_admin(client, news_index, categories, communicator):
    client.force_login(communicator)
    url = reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", news_index.pk))
    assert client.get(url).status_code == 200
    response = client.post(url, article_form_data([categories["sundhed"]], **{"action-publish": "publish"}))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    article = NewsArticlePage.objects.get(slug="nye-ideer-i-hjemmeplejen")
    assert article.live
    assert article.owner == communicator
    assert list(article.categories.all()) == [categories["sundhed"]]
    assert "Tre idéer skal afprøves i foråret." in str(article.body)
    assert PageLogEntry.objects.filter(page=article, action="wagtail.publish", user=communicator).exists()


def test_article_needs_a_manchet_and_a_category(client, news_index, communicator):
    client.force_login(communicator)
    url = reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", news_index.pk))
    response = client.post(url, article_form_data([], introduction="", **{"action-publish": "publish"}))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "introduction" in errors
    assert "categories" in errors
    assert not NewsArticlePage.objects.exists()


def test_kommunikation_schedules_go_live_and_expiry(client, news_index, categories, communicator):
    client.force_login(communicator)
    url = reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", news_index.pk))
    go_live = (timezone.now() + datetime.timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    expire = (timezone.now() + datetime.timedelta(days=30)).strftime("%Y-%m-%d %H:%M")
    response = client.post(
        url,
        article_form_data([categories["it"]], go_live_at=go_live, expire_at=expire, **{"action-publish": "publish"}),
    )
    assert response.status_code == 302
    article = NewsArticlePage.objects.get(slug="nye-ideer-i-hjemmeplejen")
    assert not article.live
    assert article.get_latest_revision().approved_go_live_at is not None
    assert article.expire_at is not None


def test_kommunikation_edits_and_rolls_back_to_an_earlier_revision(client, article, communicator):
    first = article.save_revision(user=communicator)
    first.publish()
    article.title = "Ny overskrift"
    article.save_revision(user=communicator).publish()
    client.force_login(communicator)
    assert client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,))).status_code == 200
    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=(article.pk, first.pk))
    response = client.get(revert_url)
    assert response.status_code == 200
    assert "Forandringsagenter klar til workshops" in response.content.decode()


@pytest.mark.parametrize("role", [roles.PROJECT_LEADS])
def test_project_leads_cannot_edit_or_publish_news(client, article, make_user, role):
    lead = make_user("leder", role)
    permissions = article.permissions_for_user(lead)
    assert not permissions.can_edit()
    assert not permissions.can_publish()
    assert not article.get_parent().permissions_for_user(lead).can_add_subpage()
    client.force_login(lead)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,)))
    assert response.status_code in (302, 403)
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=(article.pk,)))
    assert response.status_code in (302, 403)
    article.refresh_from_db()
    assert article.live


@pytest.mark.parametrize("role", [None, roles.CHANGE_AGENTS])
def test_employees_and_change_agents_cannot_reach_the_admin(client, article, make_user, role):
    user = make_user("bruger", *([role] if role else []))
    client.force_login(user)
    for url in ["/admin/", reverse("wagtailadmin_pages:edit", args=(article.pk,))]:
        response = client.get(url)
        assert response.status_code == 302
        assert "/admin/" not in response["Location"] or "login" in response["Location"]
    assert not article.permissions_for_user(user).can_edit()


def test_kommunikation_keeps_the_categories_in_the_admin(client, communicator):
    client.force_login(communicator)
    response = client.post(reverse("wagtailsnippets_news_newscategory:add"), {"name": "Kultur", "slug": "kultur"})
    assert response.status_code == 302
    assert NewsCategory.objects.filter(slug="kultur").exists()


# --- Reading ---------------------------------------------------------------------
def test_index_lists_newest_first_with_teaser_details(client, news_index, categories, employee):
    old = NewsArticlePageFactory(parent=news_index, title="Gammel nyhed", date=datetime.date(2011, 11, 1))
    new = NewsArticlePageFactory(
        parent=news_index, title="Ny nyhed", date=datetime.date(2012, 1, 15), categories=[categories["it"]]
    )
    CommentFactory(page=new, author=employee)
    CommentFactory(page=new, author=employee)
    CommentFactory(page=new, author=employee, status=Comment.Status.HIDDEN)
    client.force_login(employee)
    content = client.get("/nyheder/").content.decode()
    assert content.index("Ny nyhed") < content.index("Gammel nyhed")
    assert "15. januar 2012" in content
    assert "2 kommentarer" in content
    assert ">IT<" in content or " · IT" in content
    assert old.url in content and new.url in content


def test_index_shows_20_per_page_and_survives_bad_page_numbers(client, news_index, employee):
    for number in range(23):
        NewsArticlePageFactory(parent=news_index, title=f"Nyhed nummer {number:02d}", date=datetime.date(2012, 1, 1))
    client.force_login(employee)
    first = client.get("/nyheder/")
    assert len(first.context["articles"]) == 20
    assert "Side 1 af 2" in first.content.decode()
    for query in ["?page=abc", "?page=", "?page=-1", "?page=1.5"]:
        response = client.get(f"/nyheder/{query}")
        assert response.status_code == 200, query
    past_end = client.get("/nyheder/?page=99")
    assert past_end.status_code == 200
    assert past_end.context["page_obj"].number == 2
    assert len(past_end.context["articles"]) == 3


def test_index_filters_by_category(client, news_index, categories, employee):
    NewsArticlePageFactory(parent=news_index, title="Om sundhed", categories=[categories["sundhed"]])
    NewsArticlePageFactory(parent=news_index, title="Om IT", categories=[categories["it"]])
    client.force_login(employee)
    content = client.get("/nyheder/?kategori=sundhed").content.decode()
    assert "Om sundhed" in content
    assert "Om IT" not in content
    assert 'href="/nyheder/?kategori=sundhed" aria-current="page"' in content


def test_unknown_category_answers_404_with_an_explanation(client, news_index, employee):
    client.force_login(employee)
    response = client.get("/nyheder/?kategori=findes-ikke")
    assert response.status_code == 404
    assert "Der findes ingen kategori" in response.content.decode()


def test_drafts_and_other_sections_are_not_listed(client, news_index, employee):
    NewsArticlePageFactory(parent=news_index, title="Kladde", live=False)
    client.force_login(employee)
    assert "Kladde" not in client.get("/nyheder/").content.decode()


def test_article_page_shows_byline_categories_related_and_comments(client, article, news_index, categories, employee):
    related = NewsArticlePageFactory(parent=news_index, title="Samme kategori", categories=[categories["social"]])
    NewsArticlePageFactory(parent=news_index, title="Anden kategori", categories=[categories["it"]])
    project_index = ProjectIndexPageFactory(parent=news_index.get_parent())
    project = ProjectPageFactory(parent=project_index, title="Aktivt medborgerskab")
    article.related_project = project
    article.save()
    CommentFactory(page=article, author=employee, body="Godt initiativ!")
    client.force_login(employee)
    response = client.get(article.url)
    content = response.content.decode()
    assert "<h1>Forandringsagenter klar til workshops</h1>" in content
    assert 'href="/personer/skribent/">Karla Skriver</a>' in content
    assert "(ksk)" in content
    assert '<a href="/nyheder/?kategori=social">Social</a>' in content
    assert related.title in content
    assert "Anden kategori" not in content
    assert "Aktivt medborgerskab" in content
    assert "Godt initiativ!" in content
    assert '<textarea name="body"' in content


def test_byline_falls_back_to_the_page_owner_and_then_the_name(client, news_index, categories, employee, make_user):
    owner = make_user("ejer", first_name="Olga", last_name="Ejer")
    by_owner = NewsArticlePageFactory(parent=news_index, owner=owner, categories=[categories["it"]])
    by_name = NewsArticlePageFactory(parent=news_index, author_name="Gæsteskribent", categories=[categories["it"]])
    client.force_login(employee)
    assert "Olga Ejer" in client.get(by_owner.url).content.decode()
    assert "Af Gæsteskribent" in " ".join(client.get(by_name.url).content.decode().split())
