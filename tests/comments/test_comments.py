"""Every comment rule, through the page's own URL as a browser would post it."""

from datetime import timedelta
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from comments import services
from comments.mixins import CommentablePageMixin
from comments.models import Comment, CommentReport, with_comment_count
from news.models import NewsArticlePage

pytestmark = pytest.mark.django_db


def post(client, page, action="post", **data):
    return client.post(page.url, {"comment_action": action, **data})


@pytest.fixture
def logged_in(client, employee):
    client.force_login(employee)
    return client


# --- Posting -------------------------------------------------------------------------
def test_employee_posts_a_comment_and_is_redirected_to_it(logged_in, article, employee):
    response = post(logged_in, article, body="Spændende nyhed!")
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{article.url}#kommentar-{comment.pk}"
    assert comment.author == employee and comment.page_id == article.pk and comment.body == "Spændende nyhed!"
    content = logged_in.get(article.url).content.decode()
    assert "Spændende nyhed!" in content
    assert "Din kommentar er offentliggjort." in content
    assert "1 kommentar" in content


def test_line_breaks_are_kept_and_links_made_clickable(logged_in, article):
    post(logged_in, article, body="Første linje\r\nAnden linje\r\nSe https://www.ikast-brande.dk/borger")
    content = logged_in.get(article.url).content.decode()
    assert "Første linje<br>Anden linje<br>" in content
    assert (
        '<a href="https://www.ikast-brande.dk/borger" rel="nofollow">https://www.ikast-brande.dk/borger</a>' in content
    )


@pytest.mark.parametrize(
    ("body", "shown"),
    [
        ("<script>alert('x')</script>", "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"),
        ('<b onmouseover="x()">fed</b>', "&lt;b onmouseover=&quot;x()&quot;&gt;fed&lt;/b&gt;"),
        ("<a href='javascript:alert(1)'>klik</a>", "&lt;a href=&#x27;javascript:alert(1)&#x27;&gt;klik&lt;/a&gt;"),
    ],
)
def test_markup_and_script_are_shown_as_text(logged_in, article, body, shown):
    post(logged_in, article, body=body)
    assert Comment.objects.get().body == body
    content = logged_in.get(article.url).content.decode()
    assert shown in content
    assert body not in content


@pytest.mark.parametrize("body", ["", "   ", "\r\n\r\n"])
def test_empty_comment_is_refused_with_a_message(logged_in, article, body):
    response = post(logged_in, article, body=body)
    assert response.status_code == 400
    assert "Skriv en kommentar, før du sender den." in response.content.decode()
    assert not Comment.objects.exists()


def test_too_long_comment_is_refused_and_the_text_kept(logged_in, article):
    body = "a" * 5001
    response = post(logged_in, article, body=body)
    content = response.content.decode()
    assert response.status_code == 400
    assert "højst være på 5000 tegn" in content and "5001" in content
    assert f">\n{body}</textarea>" in content
    assert not Comment.objects.exists()


def test_5000_characters_with_crlf_line_breaks_are_allowed(logged_in, article):
    body = ("a" * 98 + "\r\n") * 50  # 100 characters per line as sent, 99 as stored
    body = body + "b" * (5000 - 99 * 50)
    response = post(logged_in, article, body=body)
    assert response.status_code == 302
    assert len(Comment.objects.get().body) == 5000


def test_missing_csrf_token_is_refused(article, employee):
    client = Client(enforce_csrf_checks=True)
    client.force_login(employee)
    response = post(client, article, body="Uden token")
    assert response.status_code == 403
    assert "Formularen kunne ikke sendes" in response.content.decode()
    assert not Comment.objects.exists()


def test_anonymous_post_is_refused(client, article):
    assert post(client, article, body="Anonym").status_code == 403
    assert not Comment.objects.exists()


def test_double_submission_saves_one_comment(logged_in, article):
    post(logged_in, article, body="Hov, jeg klikkede to gange")
    response = post(logged_in, article, body="Hov, jeg klikkede to gange")
    assert response.status_code == 302
    assert Comment.objects.count() == 1


def test_page_type_without_the_mixin_accepts_no_comments(logged_in, closed_page_type):
    assert not isinstance(closed_page_type.specific, CommentablePageMixin)
    response = post(logged_in, closed_page_type, body="Hej")
    assert response.status_code == 200
    assert not Comment.objects.exists()
    assert 'name="body"' not in response.content.decode()


def test_page_closed_for_comments_refuses_with_a_message(logged_in, article):
    article.comments_open = False
    article.save()
    response = post(logged_in, article, body="Må jeg?")
    content = response.content.decode()
    assert response.status_code == 400
    assert "Der er lukket for kommentarer på denne side." in content
    assert not Comment.objects.exists()
    assert "Der er lukket for nye kommentarer" in logged_in.get(article.url).content.decode()


def test_unknown_action_is_refused(logged_in, article):
    response = post(logged_in, article, action="slet-alt", body="x")
    assert response.status_code == 400
    assert "Ukendt handling" in response.content.decode()
    assert not Comment.objects.exists()


# --- Replies ------------------------------------------------------------------------
def test_reply_to_a_comment(logged_in, article, colleague):
    parent = Comment.objects.create(page=article, author=colleague, body="Hvad synes I?")
    response = post(logged_in, article, "reply", comment=parent.pk, body="Godt forslag")
    assert response.status_code == 302
    reply = Comment.objects.get(parent=parent)
    assert reply.body == "Godt forslag"
    content = logged_in.get(article.url).content.decode()
    assert content.index("Hvad synes I?") < content.index("comment-replies") < content.index("Godt forslag")


def test_replies_are_one_level_deep(logged_in, article, colleague):
    parent = Comment.objects.create(page=article, author=colleague, body="Spørgsmål")
    reply = Comment.objects.create(page=article, author=colleague, body="Svar", parent=parent)
    response = post(logged_in, article, "reply", comment=reply.pk, body="Svar på svar")
    assert response.status_code == 400
    assert "ikke på et svar" in response.content.decode()
    assert Comment.objects.count() == 2


@pytest.mark.parametrize("status", [Comment.Status.HIDDEN, Comment.Status.DELETED])
def test_no_reply_to_a_hidden_or_deleted_comment(logged_in, article, colleague, status):
    parent = Comment.objects.create(page=article, author=colleague, body="Fjernet", status=status)
    response = post(logged_in, article, "reply", comment=parent.pk, body="Mit svar")
    content = response.content.decode()
    assert response.status_code == 400
    assert "Du kan ikke svare på den." in content
    assert "Mit svar</textarea>" in content
    assert Comment.objects.count() == 1


def test_no_reply_to_a_comment_on_another_page(logged_in, article, colleague):
    from tests.factories import NewsArticlePageFactory

    other = NewsArticlePageFactory(parent=article.get_parent(), title="Anden nyhed")
    foreign = Comment.objects.create(page=other, author=colleague, body="Andetsteds")
    response = post(logged_in, article, "reply", comment=foreign.pk, body="Svar")
    assert response.status_code == 400
    assert "Kommentaren findes ikke på denne side." in response.content.decode()
    assert Comment.objects.count() == 1


# --- Editing and deleting -------------------------------------------------------------
def test_author_edits_within_15_minutes(logged_in, article, employee):
    comment = Comment.objects.create(page=article, author=employee, body="Stavfjel")
    response = post(logged_in, article, "edit", comment=comment.pk, body="Stavefejl rettet")
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.body == "Stavefejl rettet" and comment.edited_at is not None
    assert "redigeret" in logged_in.get(article.url).content.decode()


def test_edit_after_15_minutes_is_refused(logged_in, article, employee):
    comment = Comment.objects.create(
        page=article, author=employee, body="Gammel", created_at=timezone.now() - timedelta(minutes=16)
    )
    response = post(logged_in, article, "edit", comment=comment.pk, body="Ny tekst")
    content = response.content.decode()
    assert response.status_code == 400
    assert "i 15 minutter" in content
    assert "Ny tekst</textarea>" not in content or "Gammel" in content
    comment.refresh_from_db()
    assert comment.body == "Gammel"


def test_edit_form_is_offered_only_in_the_window(logged_in, article, employee):
    fresh = Comment.objects.create(page=article, author=employee, body="Frisk")
    old = Comment.objects.create(
        page=article, author=employee, body="Gammel", created_at=timezone.now() - timedelta(hours=1)
    )
    content = logged_in.get(article.url).content.decode()
    assert f'id="edit-{fresh.pk}-body"' in content
    assert f'id="edit-{old.pk}-body"' not in content


def test_nobody_edits_someone_elses_comment(logged_in, article, colleague):
    comment = Comment.objects.create(page=article, author=colleague, body="Min tekst")
    response = post(logged_in, article, "edit", comment=comment.pk, body="Ændret af en anden")
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.body == "Min tekst"


def test_too_long_edit_is_refused(logged_in, article, employee):
    comment = Comment.objects.create(page=article, author=employee, body="Kort")
    response = post(logged_in, article, "edit", comment=comment.pk, body="x" * 5001)
    assert response.status_code == 400
    comment.refresh_from_db()
    assert comment.body == "Kort"


def test_author_deletes_own_comment_which_shows_as_deleted(logged_in, article, employee, colleague):
    comment = Comment.objects.create(page=article, author=employee, body="Fortryder")
    Comment.objects.create(page=article, author=colleague, body="Et svar", parent=comment)
    response = post(logged_in, article, "delete", comment=comment.pk)
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.DELETED
    content = logged_in.get(article.url).content.decode()
    assert "slettet" in content
    assert "Fortryder" not in content
    assert "Et svar" in content


def test_nobody_deletes_someone_elses_comment(logged_in, article, colleague):
    comment = Comment.objects.create(page=article, author=colleague, body="Bliver")
    assert post(logged_in, article, "delete", comment=comment.pk).status_code == 403
    comment.refresh_from_db()
    assert comment.is_visible


# --- Reporting -----------------------------------------------------------------------
def test_employee_reports_a_comment(logged_in, article, colleague, employee):
    comment = Comment.objects.create(page=article, author=colleague, body="Grænseoverskridende")
    response = post(logged_in, article, "report", comment=comment.pk, reason="Personangreb")
    assert response.status_code == 302
    report = CommentReport.objects.get()
    assert report.reporter == employee and report.reason == "Personangreb"
    assert list(Comment.objects.reported()) == [comment]
    assert "Du har anmeldt kommentaren." in logged_in.get(article.url).content.decode()


def test_reporting_twice_or_own_comment_is_refused(logged_in, article, colleague, employee):
    comment = Comment.objects.create(page=article, author=colleague, body="Tvivlsom")
    post(logged_in, article, "report", comment=comment.pk)
    response = post(logged_in, article, "report", comment=comment.pk)
    assert response.status_code == 400
    assert "allerede anmeldt" in response.content.decode()
    own = Comment.objects.create(page=article, author=employee, body="Min egen")
    response = post(logged_in, article, "report", comment=own.pk)
    assert response.status_code == 400
    assert "din egen kommentar" in response.content.decode()
    assert CommentReport.objects.count() == 1


# --- Hiding (moderation on the page) ------------------------------------------------
@pytest.mark.parametrize("role_fixture", ["moderator", "communicator"])
def test_moderators_hide_with_a_reason_written_to_the_audit_log(client, article, colleague, role_fixture, request):
    moderator = request.getfixturevalue(role_fixture)
    comment = Comment.objects.create(page=article, author=colleague, body="Upassende tekst")
    CommentReport.objects.create(comment=comment, reporter=moderator)
    client.force_login(moderator)
    response = post(client, article, "hide", comment=comment.pk, reason="Krænkende sprogbrug")
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.is_hidden and comment.moderation_reason == "Krænkende sprogbrug"
    assert comment.moderated_by == moderator
    assert Comment.objects.filter(pk=comment.pk).exists()  # never hard-deleted
    assert not Comment.objects.reported().exists()  # the reports are handled
    entry = ModelLogEntry.objects.get(action="comments.hide")
    assert entry.user == moderator and entry.object_id == str(comment.pk)
    assert entry.data["reason"] == "Krænkende sprogbrug"


def test_hidden_comment_text_is_not_shown_to_employees(client, article, colleague, employee, moderator):
    comment = Comment.objects.create(page=article, author=colleague, body="Hemmeligt indhold")
    services.hide_comment(comment, moderator, "Brud på retningslinjerne")
    client.force_login(employee)
    content = client.get(article.url).content.decode()
    assert "Hemmeligt indhold" not in content
    assert "skjult af en moderator" in content and "Brud på retningslinjerne" in content
    assert "0 kommentarer" in content


def test_hiding_needs_a_reason(client, article, colleague, moderator):
    comment = Comment.objects.create(page=article, author=colleague, body="Tekst")
    client.force_login(moderator)
    response = post(client, article, "hide", comment=comment.pk, reason="  ")
    assert response.status_code == 400
    assert "Skriv en begrundelse" in response.content.decode()
    comment.refresh_from_db()
    assert comment.is_visible
    assert not ModelLogEntry.objects.filter(action="comments.hide").exists()


def test_employees_cannot_hide(logged_in, article, colleague):
    comment = Comment.objects.create(page=article, author=colleague, body="Tekst")
    response = post(logged_in, article, "hide", comment=comment.pk, reason="Jeg kan ikke lide den")
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.is_visible
    assert 'value="hide"' not in logged_in.get(article.url).content.decode()


def test_moderator_unhides_and_it_is_logged(client, article, colleague, moderator):
    comment = Comment.objects.create(page=article, author=colleague, body="Fejlagtigt skjult")
    services.hide_comment(comment, moderator, "Misforståelse")
    client.force_login(moderator)
    assert post(client, article, "unhide", comment=comment.pk).status_code == 302
    comment.refresh_from_db()
    assert comment.is_visible
    assert ModelLogEntry.objects.filter(action="comments.unhide", user=moderator).exists()


def test_moderation_permission_is_granted_to_the_groups(make_user):
    from people import roles

    for role, expected in [
        (roles.COMMUNICATIONS, True),
        (roles.MODERATORS, True),
        (roles.PROJECT_LEADS, False),
        (roles.CHANGE_AGENTS, False),
        (roles.EMPLOYEES, False),
    ]:
        user = make_user(None, role)
        assert user.has_perm("comments.moderate_comment") is expected, role


# --- Rate limit -------------------------------------------------------------------------
def test_posting_is_rate_limited_per_user_with_a_clear_message(logged_in, article, colleague, settings):
    settings.COMMENTS_RATE_LIMIT = (3, 60)
    for number in range(3):
        assert post(logged_in, article, body=f"Kommentar {number}").status_code == 302
    response = post(logged_in, article, body="En for meget")
    content = response.content.decode()
    assert response.status_code == 400
    assert "Du har skrevet mange kommentarer på kort tid" in content
    assert "En for meget</textarea>" in content
    assert Comment.objects.count() == 3
    # Another user is not affected.
    other = Client()
    other.force_login(colleague)
    assert post(other, article, body="Min første").status_code == 302
    assert Comment.objects.count() == 4


def test_rate_limit_resets_after_the_window(logged_in, article, settings):
    settings.COMMENTS_RATE_LIMIT = (1, 60)
    with mock.patch("comments.services.time.time", return_value=1_000_000.0):
        assert post(logged_in, article, body="Første").status_code == 302
        assert post(logged_in, article, body="Anden").status_code == 400
    with mock.patch("comments.services.time.time", return_value=1_000_061.0):
        assert post(logged_in, article, body="Anden").status_code == 302
    assert Comment.objects.count() == 2


# --- Helpers for other apps -------------------------------------------------------------
def test_with_comment_count_counts_visible_comments_in_one_query(article, colleague, django_assert_num_queries):
    Comment.objects.create(page=article, author=colleague, body="1")
    Comment.objects.create(page=article, author=colleague, body="2")
    Comment.objects.create(page=article, author=colleague, body="3", status=Comment.Status.HIDDEN)
    with django_assert_num_queries(1):
        counted = with_comment_count(NewsArticlePage.objects.all()).get(pk=article.pk)
        assert counted.comment_count == 2


def test_sub_routes_of_routable_pages_keep_their_own_posts():
    class Match:
        def __init__(self, name):
            self.url_name = name

    request = mock.Mock(spec=["routable_resolver_match"])
    request.routable_resolver_match = Match("index_route")
    assert CommentablePageMixin._is_main_route(request)
    request.routable_resolver_match = Match("submit")
    assert not CommentablePageMixin._is_main_route(request)
    assert CommentablePageMixin._is_main_route(mock.Mock(spec=[]))


def test_an_own_comment_cannot_be_edited_once_the_page_is_closed(article, make_user):
    from django.core.exceptions import ValidationError

    author = make_user("skribent")
    comment, _created = services.post_comment(page=article, author=author, body="Første udgave")
    article.comments_open = False
    article.save()
    with pytest.raises(ValidationError, match="lukket for kommentarer"):
        services.edit_comment(comment, author, "Anden udgave")
    comment.refresh_from_db()
    assert comment.body == "Første udgave"
