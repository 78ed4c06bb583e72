"""“Synes godt om”: one per person and item, pressed again to take back, counted, and who is listed on demand."""

import threading

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client

from comments import services as comment_services
from comments.models import Comment
from news.models import NewsArticlePage
from reactions import services
from reactions.models import Reaction
from tests.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db


def press(client, obj_type, obj_id, action, headers=None, **extra):
    data = {"type": obj_type, "id": obj_id, "action": action, **extra}
    return client.post("/reaktioner/", data, headers=headers or {})


def test_liking_an_article_and_taking_it_back(client, article, colleague):
    client.force_login(colleague)
    html = client.get(article.url).content.decode()
    assert "Synes godt om<span" in html and "0 synes godt om" in html

    response = press(client, "news.newsarticlepage", article.pk, "add", next=article.url + "#reaktion-x")
    assert response.status_code == 302 and response.url == article.url + "#reaktion-x"
    html = client.get(article.url).content.decode()
    assert "Synes ikke længere godt om" in html
    assert f'href="/reaktioner/news.newsarticlepage/{article.pk}/"' in html
    assert "1 synes godt om" in html

    # A second "add" (another tab, a double click) keeps one reaction.
    press(client, "news.newsarticlepage", article.pk, "add")
    assert Reaction.objects.count() == 1
    press(client, "news.newsarticlepage", article.pk, "remove")
    assert Reaction.objects.count() == 0
    assert "0 synes godt om" in client.get(article.url).content.decode()


def test_who_reacted_is_listed_on_demand(client, article, colleague, make_user):
    other = make_user("anden", first_name="Anne", last_name="Andersen")
    services.add(colleague, article)
    services.add(other, article)
    client.force_login(colleague)
    html = client.get(f"/reaktioner/news.newsarticlepage/{article.pk}/").content.decode()
    assert "Dem, der synes godt om “En nyhed”" in html
    assert '<a href="/personer/anden/">Anne Andersen</a>' in html
    assert '<a href="/personer/kollega/">Kim Kollega</a>' in html


def test_unpublished_and_unregistered_things_take_no_reactions(client, news_index, colleague):
    draft = NewsArticlePageFactory(parent=news_index, title="Kladde", live=False)
    client.force_login(colleague)
    press(client, "news.newsarticlepage", draft.pk, "add")
    press(client, "auth.user", colleague.pk, "add")
    press(client, "news.newsarticlepage", 999999, "add")
    assert not Reaction.objects.exists()
    assert client.get(f"/reaktioner/news.newsarticlepage/{draft.pk}/").status_code == 404
    assert client.get(f"/reaktioner/auth.user/{colleague.pk}/").status_code == 404


def test_liking_a_comment_in_the_thread(client, article, colleague, make_user):
    comment, _created = comment_services.post_comment(page=article, author=colleague, body="Godt initiativ")
    reader = make_user("laeser")
    client.force_login(reader)
    press(client, "comments.comment", comment.pk, "add")
    html = client.get(article.url).content.decode()
    assert f'id="reaktion-commentscomment-{comment.pk}"' in html
    assert "1 synes godt om" in html
    # A hidden comment takes no more reactions.
    Comment.objects.filter(pk=comment.pk).update(status=Comment.Status.HIDDEN)
    press(client, "comments.comment", comment.pk, "remove")
    assert Reaction.objects.count() == 1


def test_htmx_gets_the_button_alone(client, article, colleague):
    client.force_login(colleague)
    response = press(client, "news.newsarticlepage", article.pk, "add", headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.strip().startswith('<div class="reaction')
    assert "Synes ikke længere godt om" in html and "<html" not in html


def test_a_missing_csrf_token_is_refused(article, colleague):
    client = Client(enforce_csrf_checks=True)
    client.force_login(colleague)
    assert press(client, "news.newsarticlepage", article.pk, "add").status_code == 403
    assert not Reaction.objects.exists()


def test_the_database_keeps_one_reaction_per_person_and_item(article, colleague):
    from django.db import IntegrityError, transaction

    content_type = ContentType.objects.get_for_model(NewsArticlePage)
    Reaction.objects.create(user=colleague, content_type=content_type, object_id=article.pk)
    with pytest.raises(IntegrityError), transaction.atomic():
        Reaction.objects.create(user=colleague, content_type=content_type, object_id=article.pk)


@pytest.mark.django_db(transaction=True)
def test_simultaneous_presses_leave_exactly_one_reaction(home_page, role_groups, make_user):
    """Eight requests of one person, each on its own connection, released together by a barrier."""
    from tests.factories import NewsIndexPageFactory

    article = NewsArticlePageFactory(parent=NewsIndexPageFactory(parent=home_page), title="Samtidig")
    person = make_user("hurtig")
    presses = 8
    barrier = threading.Barrier(presses)
    statuses = []

    def one_press():
        try:
            client = Client()
            client.force_login(person)
            barrier.wait(timeout=20)
            statuses.append(press(client, "news.newsarticlepage", article.pk, "add").status_code)
        except Exception as error:  # reported below, so a thread's failure fails the test
            statuses.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=one_press) for _ in range(presses)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert statuses == [302] * presses, statuses
    assert Reaction.objects.filter(user=person).count() == 1
