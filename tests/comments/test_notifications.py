"""Notifications and their e-mails on conversation: the page's people hear about new comments, a commenter about replies."""

import logging
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from comments import services
from comments.models import Comment
from notifications import services as notification_services
from notifications.models import Notification

from ..factories import ProjectIndexPageFactory, ProjectPageFactory, WorkshopOutcomePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(make_user):
    return make_user("skribent", first_name="Sofie", last_name="Skriver")


@pytest.fixture
def authored_article(article, author):
    article.author = author
    article.save()
    return article


@pytest.fixture
def comment_on(django_capture_on_commit_callbacks):
    """Post through the service as the comment form does, and run what waits for the commit."""

    def post(page, user, body="En kommentar", parent=None):
        with django_capture_on_commit_callbacks(execute=True):
            comment, _created = services.post_comment(page=page, author=user, body=body, parent=parent)
        return comment

    return post


def emails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


# --- Who is told ----------------------------------------------------------------------
def test_the_articles_author_is_told_about_a_new_comment(comment_on, authored_article, author, colleague):
    comment = comment_on(authored_article, colleague, body="Godt skrevet!\nTak for det.")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [author.email]
    assert message.subject == "Kim Kollega har skrevet en kommentar til “En nyhed”"
    assert "Kære Sofie Skriver" in message.body
    assert "Godt skrevet! Tak for det." in message.body
    assert f"http://intranet.test/nyheder/en-nyhed/#kommentar-{comment.pk}" in message.body
    assert "http://intranet.test/notifikationer/indstillinger/" in message.body
    # The same thing waits on the site, unread.
    (notification,) = Notification.objects.filter(recipient=author)
    assert notification.kind == "comment_on_mine" and notification.is_unread
    assert notification.url == f"/nyheder/en-nyhed/#kommentar-{comment.pk}"


def test_without_an_author_the_article_owner_is_told(comment_on, article, make_user, colleague):
    owner = make_user("ejer")
    article.owner = owner
    article.save()
    comment_on(article, colleague)
    assert [message.to for message in mail.outbox] == [[owner.email]]


def test_the_projects_lead_is_told(comment_on, home_page, make_user, colleague):
    lead = make_user("leder", first_name="Pernille", last_name="Lykkegaard")
    project = ProjectPageFactory(parent=ProjectIndexPageFactory(parent=home_page), lead=lead, slug="projekt")
    comment = comment_on(project, colleague)
    assert [message.to for message in mail.outbox] == [[lead.email]]
    assert f"http://intranet.test/projekter/projekt/#kommentar-{comment.pk}" in mail.outbox[0].body


def test_the_outcomes_submitter_is_told(comment_on, home_page, make_user, colleague):
    lead = make_user("leder")
    submitter = make_user("indsender")
    project = ProjectPageFactory(parent=ProjectIndexPageFactory(parent=home_page), lead=lead, slug="projekt")
    outcome = WorkshopOutcomePageFactory(parent=project, owner=submitter, slug="workshop")
    comment_on(outcome, colleague)
    assert [message.to for message in mail.outbox] == [[submitter.email]]
    assert "/projekter/projekt/workshop/#kommentar-" in mail.outbox[0].body


def test_a_commenter_is_told_about_a_reply_and_the_author_about_the_new_comment(
    comment_on, authored_article, author, colleague, make_user
):
    replier = make_user("svarer", first_name="Rasmus", last_name="Svendsen")
    first = comment_on(authored_article, colleague, body="Hvornår starter det?")
    mail.outbox.clear()
    reply = comment_on(authored_article, replier, body="Til februar.", parent=first)
    assert len(mail.outbox) == 2
    (to_commenter,) = emails_to(colleague)
    assert to_commenter.subject == "Rasmus Svendsen har svaret på din kommentar til “En nyhed”"
    assert "Til februar." in to_commenter.body
    assert f"http://intranet.test/nyheder/en-nyhed/#kommentar-{reply.pk}" in to_commenter.body
    (to_author,) = emails_to(author)
    assert to_author.subject == "Rasmus Svendsen har skrevet en kommentar til “En nyhed”"


# --- Who is not told ------------------------------------------------------------------
def test_nobody_is_told_about_their_own_comment(comment_on, authored_article, author):
    comment_on(authored_article, author)
    assert mail.outbox == []


def test_nobody_is_told_about_their_own_reply(comment_on, authored_article, author, colleague):
    first = comment_on(authored_article, colleague)
    mail.outbox.clear()
    comment_on(authored_article, colleague, parent=first, body="Og en tilføjelse")
    # The article's author hears about it; the commenter does not hear about their own reply.
    assert [message.to for message in mail.outbox] == [[author.email]]


def test_one_email_to_a_person_who_is_both_author_and_commenter(comment_on, authored_article, author, colleague):
    own = comment_on(authored_article, author, body="Spørg løs.")
    comment_on(authored_article, colleague, parent=own, body="Tak!")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [author.email]
    assert "har svaret på din kommentar" in mail.outbox[0].subject
    assert Notification.objects.filter(recipient=author).count() == 1


def test_a_person_who_turned_emails_off_gets_none(comment_on, authored_article, author, colleague, make_user):
    notification_services.set_preferences(author, {"comment_on_mine": (True, False)})
    first = comment_on(authored_article, colleague)
    assert mail.outbox == []
    assert Notification.objects.filter(recipient=author).count() == 1  # still shown on the site
    notification_services.set_preferences(colleague, {"comment_reply": (False, True)})
    comment_on(authored_article, make_user("tredje"), parent=first)
    assert mail.outbox == []
    # Turned off altogether: not even on the site, and e-mail goes only with what is shown.
    assert Notification.objects.filter(recipient=colleague).count() == 0


def test_turning_emails_off_for_one_person_leaves_the_others(
    comment_on, authored_article, author, colleague, make_user
):
    first = comment_on(authored_article, colleague)
    mail.outbox.clear()
    notification_services.set_preferences(author, {"comment_on_mine": (True, False)})
    comment_on(authored_article, make_user("tredje"), parent=first)
    assert [message.to for message in mail.outbox] == [[colleague.email]]


def test_inactive_people_and_people_without_an_email_address_get_none(comment_on, authored_article, author, colleague):
    author.is_active = False
    author.save()
    comment_on(authored_article, colleague)
    author.is_active, author.email = True, ""
    author.save()
    comment_on(authored_article, colleague, body="En anden kommentar")
    assert mail.outbox == []


def test_a_page_type_that_names_nobody_sends_nothing(comment_on, authored_article, colleague, monkeypatch):
    monkeypatch.delattr(type(authored_article), "comment_notification_recipients")
    comment_on(authored_article, colleague)
    assert mail.outbox == []


# --- Only for comments that exist -------------------------------------------------------
def test_a_comment_rolled_back_is_not_announced(authored_article, colleague, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        services.post_comment(page=authored_article, author=colleague, body="Kommer aldrig frem")
        raise RuntimeError
    assert Comment.objects.count() == 0
    assert Notification.objects.count() == 0
    assert mail.outbox == []


def test_refused_comments_send_nothing(comment_on, authored_article, colleague, settings):
    hidden_parent = comment_on(authored_article, colleague)
    mail.outbox.clear()
    Comment.objects.filter(pk=hidden_parent.pk).update(status=Comment.Status.HIDDEN)
    hidden_parent.refresh_from_db()
    with pytest.raises(ValidationError):
        comment_on(authored_article, colleague, parent=hidden_parent)
    authored_article.comments_open = False
    authored_article.save()
    with pytest.raises(ValidationError):
        comment_on(authored_article, colleague)
    assert mail.outbox == []


def test_a_double_submission_sends_one_email(comment_on, authored_article, colleague):
    comment_on(authored_article, colleague, body="Samme tekst")
    comment_on(authored_article, colleague, body="Samme tekst")
    assert Comment.objects.count() == 1
    assert len(mail.outbox) == 1


# --- Through the page, as a browser posts it ------------------------------------------
def test_posting_the_comment_form_sends_the_email(
    client, authored_article, author, colleague, django_capture_on_commit_callbacks
):
    client.force_login(colleague)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(authored_article.url, {"comment_action": "post", "body": "Fra formularen"})
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [[author.email]]
    assert "Fra formularen" in mail.outbox[0].body


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server down")


def test_a_mail_server_that_is_down_does_not_lose_the_comment(
    client, authored_article, colleague, settings, django_capture_on_commit_callbacks, caplog
):
    # The real path: queued by core.mail, delivered (here at once, retried without pause) by the task.
    settings.EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = f"{__name__}.BrokenBackend"
    settings.EMAIL_RETRY_DELAYS = [0, 0]
    client.force_login(colleague)
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        response = client.post(authored_article.url, {"comment_action": "post", "body": "Gemmes alligevel"})
    assert response.status_code == 302
    assert Comment.objects.get().body == "Gemmes alligevel"
    assert "opgivet efter 3 forsøg: mail server down" in caplog.text


def test_the_notifications_are_made_in_a_fixed_number_of_queries(
    comment_on, authored_article, colleague, make_user, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_a_new_comment(body):
        with CaptureQueriesContext(connection) as context:
            comment_on(authored_article, colleague, body=body)
        return len(context.captured_queries)

    from news.models import NewsCategory

    category = NewsCategory.objects.get_or_create(slug="it", defaults={"name": "IT"})[0]
    authored_article.categories.set([category])
    authored_article.save()
    notification_services.follow(make_user("foelger0"), category)
    notification_services.follow(make_user("foelger1"), category)
    queries_for_a_new_comment("Opvarmning: indholdstyper og adresser hentes første gang @foelger1")
    few = queries_for_a_new_comment("Første @foelger0")
    for number in range(2, 30):
        notification_services.follow(make_user(f"foelger{number}"), category)
    many = queries_for_a_new_comment("Anden @foelger0 @foelger1 @foelger2")
    assert many == few
    assert Notification.objects.filter(kind="followed_content").count() >= 27


# --- The choice, at /notifikationer/indstillinger/ (linked from the profile) ------------------
def test_the_choice_is_on_by_default_and_kept(client, colleague):
    client.force_login(colleague)
    assert "/notifikationer/indstillinger/" in client.get("/min-profil/").content.decode()
    content = client.get("/notifikationer/indstillinger/").content.decode()
    checkbox = re.search(r'<input[^>]*name="comment_reply__email"[^>]*>', content).group()
    assert "checked" in checkbox
    assert "Svar på mine kommentarer" in content
    response = client.post("/notifikationer/indstillinger/", {"comment_reply__enabled": "on"})
    assert response.status_code == 302
    assert notification_services.preferences_of(colleague)["comment_reply"] == (True, False)
    assert notification_services.preferences_of(colleague)["mention"] == (False, False)
    client.post("/notifikationer/indstillinger/", {"comment_reply__enabled": "on", "comment_reply__email": "on"})
    assert notification_services.preferences_of(colleague)["comment_reply"] == (True, True)
