"""/notifikationer/: the list, the unread count in the header, marking read, mentions, follows, e-mail choices."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from comments import services as comment_services
from notifications import services
from notifications.models import Follow, Notification
from tests.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db


def post_comment(page, user, body, parent=None, capture=None):
    comment, _created = comment_services.post_comment(page=page, author=user, body=body, parent=parent)
    return comment


def test_the_header_link_carries_the_unread_count(client, article, colleague):
    client.force_login(colleague)
    html = client.get("/").content.decode()
    assert 'aria-label="Notifikationer, 0 ulæste"' in html
    services.notify(colleague, "mention", actor=article.author, title="En nyhed", url="/nyheder/en-nyhed/")
    services.notify(colleague, "comment_reply", actor=article.author, title="En nyhed", url="/nyheder/en-nyhed/")
    html = client.get("/").content.decode()
    assert 'aria-label="Notifikationer, 2 ulæste"' in html
    assert re.search(r'<span class="badge badge-notification" aria-hidden="true">2</span>', html)


def test_the_list_shows_mine_only_and_marks_one_and_all_read(client, article, colleague, make_user):
    other = make_user("anden")
    first = services.notify(colleague, "mention", actor=article.author, title="En nyhed", url="/nyheder/en-nyhed/")[0]
    services.notify(colleague, "comment_reply", actor=article.author, title="En anden", url="/nyheder/en-nyhed/")
    theirs = services.notify(other, "mention", actor=article.author, title="Hemmelig", url="/")[0]
    client.force_login(colleague)
    html = client.get("/notifikationer/").content.decode()
    assert "Sofie Skriver har nævnt dig i en kommentar til “En nyhed”" in html
    assert "Sofie Skriver har svaret på din kommentar til “En anden”" in html
    assert "Hemmelig" not in html
    assert "Du har 2 ulæste notifikationer." in html

    response = client.post(f"/notifikationer/{first.pk}/laest/", {"next": "/notifikationer/"})
    assert response.status_code == 302
    assert services.unread_count(colleague) == 1
    # Someone else's notification is not found, and stays unread.
    assert client.post(f"/notifikationer/{theirs.pk}/laest/").status_code == 404
    assert Notification.objects.get(pk=theirs.pk).is_unread
    # Only POST marks read.
    assert client.get(f"/notifikationer/{first.pk}/laest/").status_code == 405

    client.post("/notifikationer/laest/")
    assert services.unread_count(colleague) == 0
    assert services.unread_count(other) == 1
    # An outside address in "next" is not followed.
    response = client.post("/notifikationer/laest/", {"next": "https://example.com/"})
    assert response.url == "/notifikationer/"


def test_a_mention_notifies_the_person_and_links_to_their_profile(client, article, colleague, make_user):
    named = make_user("frida.a", first_name="Frida", last_name="Agerskov")
    comment = post_comment(article, colleague, "Spørg @frida.a og @ingen-findes, og skriv til kim@example.com")
    (notification,) = Notification.objects.filter(recipient=named)
    assert notification.kind == "mention"
    assert notification.url == f"/nyheder/en-nyhed/#kommentar-{comment.pk}"
    client.force_login(colleague)
    html = client.get(article.url).content.decode()
    assert '<a class="mention" href="/personer/frida.a/">@frida.a</a>' in html
    assert "@ingen-findes" in html and 'href="/personer/ingen-findes/"' not in html
    assert 'href="/personer/example.com/"' not in html


def test_a_mention_added_by_an_edit_notifies_once(article, colleague, make_user):
    named = make_user("frida", first_name="Frida")
    comment = post_comment(article, colleague, "Første udgave")
    comment_services.edit_comment(comment, colleague, "Nu med @frida")
    comment_services.edit_comment(comment, colleague, "Stadig med @frida")
    assert Notification.objects.filter(recipient=named, kind="mention").count() == 1


def test_mentions_escape_the_rest_of_the_comment(client, article, colleague, make_user):
    make_user("frida")
    post_comment(article, colleague, "<script>alert(1)</script> @frida")
    client.force_login(colleague)
    html = client.get(article.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_following_a_category_brings_its_new_articles(client, news_index, article, category, colleague):
    client.force_login(colleague)
    response = client.post(
        "/notifikationer/foelg/",
        {"type": "news.newscategory", "id": category.pk, "action": "follow", "next": "/nyheder/?kategori=it"},
    )
    assert response.status_code == 302 and response.url == "/nyheder/?kategori=it"
    client.post("/notifikationer/foelg/", {"type": "news.newscategory", "id": category.pk, "action": "follow"})
    assert Follow.objects.filter(user=colleague).count() == 1
    assert "Du følger “IT”." in client.get("/nyheder/?kategori=it").content.decode()

    new = NewsArticlePageFactory(parent=news_index, title="Nyt IT-system", categories=[category], live=False)
    new.save_revision().publish()
    (notification,) = Notification.objects.filter(recipient=colleague)
    assert notification.kind == "followed_content"
    assert notification.title == "Nyt IT-system"
    # Republishing (the editor loads the live page and publishes again) is not new content.
    new.refresh_from_db()
    new.save_revision().publish()
    assert Notification.objects.filter(recipient=colleague).count() == 1

    # Comments on articles there reach the follower too.
    post_comment(article, article.author, "Ny kommentar")
    assert Notification.objects.filter(recipient=colleague).count() == 2

    client.post("/notifikationer/foelg/", {"type": "news.newscategory", "id": category.pk, "action": "unfollow"})
    assert not Follow.objects.filter(user=colleague).exists()


def test_only_registered_things_can_be_followed(client, article, colleague, home_page):
    client.force_login(colleague)
    client.post("/notifikationer/foelg/", {"type": "auth.user", "id": colleague.pk, "action": "follow"})
    client.post("/notifikationer/foelg/", {"type": "news.newscategory", "id": 999999, "action": "follow"})
    client.post("/notifikationer/foelg/", {"type": "news.newsarticlepage", "id": article.pk, "action": "follow"})
    assert not Follow.objects.exists()


def test_the_dashboard_shows_what_i_follow(client, home_page, category, colleague):
    services.follow(colleague, category)
    client.force_login(colleague)
    html = client.get("/").content.decode()
    assert "Det følger du" in html
    assert '<a href="/nyheder/?kategori=it">IT</a>' in html


def test_email_copies_go_by_each_persons_choice(article, colleague, make_user, django_capture_on_commit_callbacks):
    follower = make_user("foelger")
    services.follow(follower, article.categories.first())
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(article, colleague, "Hej @foelger")
    # The article's author (comment on mine) and the named follower (mention) get e-mails by default.
    assert sorted(message.to[0] for message in mail.outbox) == sorted([article.author.email, follower.email])
    mail.outbox.clear()
    services.set_preferences(follower, {"mention": (True, False)})
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(article, colleague, "Igen @foelger")
    assert [message.to[0] for message in mail.outbox] == [article.author.email]
    assert Notification.objects.filter(recipient=follower).count() == 2
    # "New in what I follow" is not e-mailed unless chosen.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(article, colleague, "Uden navne")
    assert [message.to[0] for message in mail.outbox] == [article.author.email]
    assert Notification.objects.filter(recipient=follower, kind="followed_content").count() == 1


def test_an_unknown_kind_is_a_programming_error(colleague):
    with pytest.raises(ValueError):
        services.notify(colleague, "no_such_kind", title="x", url="/")


def test_notifications_page_queries_do_not_grow(client, article, colleague, make_user):
    actors = [make_user(f"aktoer{n}") for n in range(5)]

    def add(count):
        for number in range(count):
            services.notify(colleague, "mention", actor=actors[number % 5], title=f"Side {number}", url="/")

    def measure():
        client.get("/notifikationer/")
        with CaptureQueriesContext(connection) as context:
            response = client.get("/notifikationer/")
        assert response.status_code == 200
        return len(context.captured_queries), response

    client.force_login(colleague)
    add(3)
    few, _response = measure()
    add(120)
    many, response = measure()
    assert len(response.context["notifications"]) == 20
    assert few == many


def test_anonymous_visitors_are_sent_to_login(client):
    assert client.get("/notifikationer/").status_code == 302
    assert client.post("/notifikationer/laest/").status_code == 403
    assert Page.objects.exists() or True


def test_a_hidden_or_deleted_comment_takes_its_notifications_back(article, colleague, make_user):
    from people import roles

    moderator = make_user("moderator", roles.MODERATORS)
    named = make_user("frida")
    rude = post_comment(article, colleague, "Grimt sprog til @frida")
    assert Notification.objects.filter(recipient=named).count() == 1
    assert Notification.objects.filter(recipient=article.author).count() == 1
    comment_services.hide_comment(rude, moderator, "Overtræder reglerne")
    assert not Notification.objects.filter(recipient__in=[named, article.author]).exists()
    regret = post_comment(article, colleague, "Fortrudt @frida")
    comment_services.delete_comment(regret, colleague)
    assert not Notification.objects.exists()


def test_nothing_about_a_restricted_page_reaches_those_who_may_not_open_it(
    news_index, article, category, colleague, make_user
):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    insiders = Group.objects.create(name="Ledelsessekretariatet")
    insider = make_user("inde", first_name="Ida", last_name="Inde")
    insider.groups.add(insiders)
    outsider = make_user("ude", first_name="Ulla", last_name="Ude")
    restriction = PageViewRestriction.objects.create(page=news_index, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(insiders)
    for user in (insider, outsider):
        services.follow(user, category)

    new = NewsArticlePageFactory(parent=news_index, title="Kun for sekretariatet", categories=[category], live=False)
    new.save_revision().publish()
    post_comment(article, colleague, "Spørg @inde og @ude")

    assert set(Notification.objects.filter(recipient=insider).values_list("kind", flat=True)) == {
        "followed_content",
        "mention",
    }
    assert not Notification.objects.filter(recipient=outsider).exists()

    # A password restriction lets nobody through outside a session.
    restriction.restriction_type = PageViewRestriction.PASSWORD
    restriction.password = "hemmeligt"  # noqa: S105
    restriction.save()
    post_comment(article, colleague, "Igen @inde")
    assert Notification.objects.filter(recipient=insider).count() == 2
