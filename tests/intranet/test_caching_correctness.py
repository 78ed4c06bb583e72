"""Correct under caching (issue 13, item 3): every change shows at once, to those who may see it.

Each test visits first (filling every cache: the shell's menu, settings, permissions, unread
count, routes, and the pages' fragments), changes something the way the intranet changes it, then
visits again through the test client with the real (in-memory) caches. A stale cache fails it.
"""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import PageViewRestriction

from comments import services as comment_services
from comments.models import Comment
from comments.notifications import REPLY
from notifications import services as notification_services
from people import roles
from reactions import services as reaction_services
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home_page):
    index = NewsIndexPageFactory(parent=home_page, show_in_menus=True)
    article = NewsArticlePageFactory(parent=index, title="Borgermøde om mental frikommune")
    return index, article


@pytest.fixture
def colleague(make_user, role_groups):
    return make_user("kollega", roles.EMPLOYEES)


@pytest.fixture
def reader(client, make_user, role_groups):
    user = make_user("laeser", roles.EMPLOYEES)
    client.force_login(user)
    return user


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def test_a_new_comment_shows_at_once_and_a_hidden_one_goes(client, news, reader, colleague, make_user, role_groups):
    _index, article = news
    assert "Første kommentar" not in page(client, article.url)
    page(client, article.url)  # a repeated visit, served from what the first one kept
    comment, _ = comment_services.post_comment(page=article, author=colleague, body="Første kommentar")
    assert "Første kommentar" in page(client, article.url)
    moderator = make_user("mod", roles.MODERATORS)
    comment_services.hide_comment(Comment.objects.get(pk=comment.pk), moderator, "Uden for emnet")
    assert "Første kommentar" not in page(client, article.url)


def test_a_reaction_moves_the_count_at_once(client, news, reader, colleague):
    _index, article = news
    before = page(client, article.url)
    reaction_services.add(colleague, article)
    after = page(client, article.url)
    assert before != after
    reaction_services.remove(colleague, article)
    assert page(client, article.url) != after


def test_a_publication_shows_on_the_news_list_and_dashboard_and_an_unpublished_one_goes(client, news, reader):
    index, _article = news
    assert "Ny aftale om fleksjob" not in page(client, index.url)
    page(client, "/")
    fresh = NewsArticlePageFactory(parent=index, title="Ny aftale om fleksjob")
    fresh.save_revision().publish()
    assert "Ny aftale om fleksjob" in page(client, index.url)
    assert "Ny aftale om fleksjob" in page(client, "/")
    fresh.unpublish()
    assert "Ny aftale om fleksjob" not in page(client, index.url)
    assert "Ny aftale om fleksjob" not in page(client, "/")
    assert client.get(fresh.url_path.replace("/home", "", 1)).status_code == 404


def test_the_menu_follows_renamed_and_new_pages(client, home_page, news, reader):
    index, _article = news
    assert ">Nyheder<" in page(client, "/")
    index.title = "Nyt fra kommunen"
    index.save_revision().publish()
    content = page(client, "/")
    assert ">Nyt fra kommunen<" in content and ">Nyheder<" not in content
    StandardPageFactory(parent=home_page, title="Om strategien", slug="om-strategien", show_in_menus=True)
    assert ">Om strategien<" in page(client, "/")


def test_a_permission_change_shows_at_once(client, home_page, reader, role_groups):
    assert "/admin/" not in page(client, "/")
    assert "/rapport/" not in page(client, "/")
    reader.groups.add(Group.objects.get(name=roles.COMMUNICATIONS))
    content = page(client, "/")
    assert "Redigering (Wagtail)" in content
    assert "/rapport/" in content
    reader.groups.remove(Group.objects.get(name=roles.COMMUNICATIONS))
    content = page(client, "/")
    assert "Redigering (Wagtail)" not in content
    assert "/rapport/" not in content
    assert client.get("/admin/").status_code != 200


def test_a_moderator_role_opens_the_moderation_queue_at_once(client, home_page, reader, role_groups):
    assert client.get("/moderering/").status_code in (302, 403, 404)
    moderators = Group.objects.get(name=roles.MODERATORS)
    reader.groups.add(moderators)
    assert client.get("/moderering/").status_code == 200
    moderators.user_set.remove(reader)
    assert client.get("/moderering/").status_code in (302, 403, 404)


def test_a_page_made_private_goes_for_those_without_access(client, home_page, reader, make_user, role_groups):
    secret = StandardPageFactory(parent=home_page, title="Ledelsesnotat", slug="ledelsesnotat", show_in_menus=True)
    assert ">Ledelsesnotat<" in page(client, "/")
    page(client, "/ledelsesnotat/")
    restriction = PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=roles.COMMUNICATIONS))
    assert client.get("/ledelsesnotat/").status_code in (302, 403)
    communicator = make_user("komm", roles.COMMUNICATIONS)
    client.force_login(communicator)
    assert "Ledelsesnotat" in page(client, "/ledelsesnotat/")


def test_the_unread_count_moves_at_once(client, home_page, reader, colleague):
    page(client, "/")
    notification_services.notify(reader, REPLY, actor=colleague, title="Svar", url="/")
    assert "badge-notification" in page(client, "/")
    notification_services.mark_all_read(reader)
    assert "badge-notification" not in page(client, "/")


def test_a_language_switch_brings_the_page_back_in_that_language(client, news, reader):
    _index, article = news
    for url in ("/", article.url):
        assert "Tilgængelighedserklæring" in page(client, url)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    for url in ("/", article.url):
        content = page(client, url)
        assert '<html lang="en">' in content
        assert "Accessibility statement" in content and "Front page" in content
    client.post("/i18n/setlang/", {"language": "da", "next": "/"})
    for url in ("/", article.url):
        content = page(client, url)
        assert "Tilgængelighedserklæring" in content and ">Forside<" in content


def test_an_article_made_private_leaves_the_lists_of_those_without_access(client, news, reader, make_user):
    index, article = news
    communicator = make_user("komm", roles.COMMUNICATIONS)
    for url in (index.url, "/", article.url):
        page(client, url)
    restriction = PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=roles.COMMUNICATIONS))
    assert article.title not in page(client, index.url)
    assert article.title not in page(client, "/")
    assert client.get(article.url).status_code in (302, 403)
    # Those with access still open it and find it in the lists, at once.
    client.force_login(communicator)
    assert article.title in page(client, article.url)
    assert article.title in page(client, index.url)
    assert article.title in page(client, "/")
    # Taken away again: the reader finds it at once, the lists kept for the group do not leak to her.
    restriction.delete()
    client.force_login(reader)
    assert article.title in page(client, index.url)


def test_a_session_ended_by_logging_out_is_gone_from_the_cache_too(client, home_page, reader):
    page(client, "/")
    cookie = client.cookies["sessionid"].value
    client.post("/logout/")
    stolen = Client(HTTP_HOST="localhost")
    stolen.cookies["sessionid"] = cookie
    response = stolen.get("/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_closed_account_or_a_new_password_ends_the_session_at_once(client, home_page, reader, make_user):
    """The logged-in person is kept between requests (core/auth.py), under her account's version."""
    page(client, "/")
    page(client, "/")  # served with the kept account
    reader.is_active = False
    reader.save()
    response = client.get("/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    colleague = make_user("kollega2", roles.EMPLOYEES)
    client.force_login(colleague)
    page(client, "/")
    colleague.set_password("et-helt-nyt-kodeord-2026")
    colleague.save()
    response = client.get("/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_new_name_shows_in_the_header_at_once(client, home_page, reader):
    assert "Lærke Læsesen" not in page(client, "/")
    reader.first_name, reader.last_name = "Lærke", "Læsesen"
    reader.save()
    assert "Lærke Læsesen" in page(client, "/")


def test_an_article_edited_and_published_shows_its_new_text_at_once(client, news, reader):
    """The page that answers is kept as an object between requests (core/routing.py)."""
    _index, article = news
    assert "Nyt mødested" not in page(client, article.url)
    article.title = "Nyt mødested: rådhuset i Ikast"
    article.save_revision().publish()
    assert "Nyt mødested" in page(client, article.url)
    article.refresh_from_db()
    article.unpublish()
    assert client.get(article.url).status_code == 404


def test_a_saved_draft_is_not_shown_to_readers(client, news, reader):
    _index, article = news
    page(client, article.url)
    article.title = "Kladde: endnu ikke godkendt"
    article.save_revision()
    assert "Kladde" not in page(client, article.url)


# --- The dashboard's cached blocks (home/dashboard.py) -----------------------------------------
def must_read_block(content):
    """The dashboard's "must read" block, empty when it is not shown."""
    if "dashboard-must-read" not in content:
        return ""
    return content.split("dashboard-must-read", 1)[1].split("</section>", 1)[0]


def test_must_read_news_leaves_the_dashboard_of_the_reader_who_confirms_and_only_hers(client, news, reader, colleague):
    index, _article = news
    page(client, "/")
    important = NewsArticlePageFactory(parent=index, title="Ny sikkerhedsinstruks", requires_confirmation=True)
    assert "Ny sikkerhedsinstruks" in must_read_block(page(client, "/"))
    other = Client(HTTP_HOST="localhost")
    other.force_login(colleague)
    assert "Ny sikkerhedsinstruks" in must_read_block(page(other, "/"))
    response = client.post(important.url + "laest/")
    assert response.status_code in (200, 302)
    assert "Ny sikkerhedsinstruks" not in must_read_block(page(client, "/"))
    assert "Ny sikkerhedsinstruks" in must_read_block(page(other, "/")), "her colleague has not confirmed it"


def test_a_reply_to_my_comment_shows_on_my_dashboard_at_once_and_a_hidden_one_goes(
    client, news, reader, colleague, make_user
):
    _index, article = news
    mine, _ = comment_services.post_comment(page=article, author=reader, body="Hvornår starter det?")
    assert "Til næste uge" not in page(client, "/")
    reply, _ = comment_services.post_comment(page=article, author=colleague, body="Til næste uge", parent=mine)
    assert "Til næste uge" in page(client, "/")
    moderator = make_user("mod", roles.MODERATORS)
    comment_services.hide_comment(Comment.objects.get(pk=reply.pk), moderator, "Uden for emnet")
    assert "Til næste uge" not in page(client, "/")


def test_a_comment_that_answers_someone_else_leaves_my_drawn_dashboard_alone(client, news, reader, colleague):
    _index, article = news
    theirs, _ = comment_services.post_comment(page=article, author=colleague, body="Hvem kommer?")
    page(client, "/")
    kept = client.get("/").context["dashboard_key"]
    comment_services.post_comment(page=article, author=colleague, body="Et nyt spørgsmål")
    comment_services.post_comment(page=article, author=reader, body="Jeg kommer", parent=theirs)
    assert client.get("/").context["dashboard_key"] == kept


def test_a_moderators_thread_is_never_served_to_a_reader(client, news, reader, colleague, make_user):
    _index, article = news
    comment_services.post_comment(page=article, author=colleague, body="En kommentar til moderering")
    moderator = make_user("mod", roles.MODERATORS)
    moderating = Client(HTTP_HOST="localhost")
    moderating.force_login(moderator)
    assert "Skjul kommentaren" in page(moderating, article.url)  # the moderator's thread, now cached
    content = page(client, article.url)
    assert "En kommentar til moderering" in content
    assert "Skjul kommentaren" not in content
    # And the other way round: the reader's own, still editable comment is hers alone.
    comment_services.post_comment(page=article, author=reader, body="Min egen kommentar")
    assert 'value="edit"' in page(client, article.url)
    theirs = page(moderating, article.url)
    assert "Min egen kommentar" in theirs and 'value="edit"' not in theirs
