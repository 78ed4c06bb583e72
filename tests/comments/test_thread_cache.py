"""The comment thread comes from a cached fragment that is never stale and never carries another reader's token."""

import re

import pytest
from django.test import Client
from django.utils import timezone

from comments import services
from comments.constants import EDIT_WINDOW
from comments.models import Comment
from reactions import services as reaction_services

pytestmark = pytest.mark.django_db


def page_of(client, article):
    response = client.get(article.url)
    assert response.status_code == 200
    return response.content.decode()


def logged_in(user, **kwargs):
    client = Client(**kwargs)
    client.force_login(user)
    return client


def test_a_new_comment_edit_hide_and_like_show_at_once_to_a_reader_with_a_warm_cache(
    article, employee, colleague, moderator
):
    reader = logged_in(colleague)
    first, _created = services.post_comment(page=article, author=employee, body="Første tanke")
    assert "Første tanke" in page_of(reader, article)
    page_of(reader, article)  # now from the cache

    services.post_comment(page=article, author=employee, body="Anden tanke")
    assert "Anden tanke" in page_of(reader, article)
    services.edit_comment(first, employee, "Rettet tanke")
    assert "Rettet tanke" in page_of(reader, article)
    reaction_services.add(moderator, first)
    assert "1 synes godt om" in page_of(reader, article)
    services.hide_comment(first, moderator, "Off topic")
    content = page_of(reader, article)
    assert "Rettet tanke" not in content and "Kommentaren er skjult af en moderator" in content


def test_each_reader_sees_her_own_controls_from_a_shared_thread(article, employee, colleague, moderator):
    comment, _created = services.post_comment(page=article, author=employee, body="Min kommentar")
    others = page_of(logged_in(colleague), article)  # warms the plain reader's fragment
    assert 'value="edit"' not in others and 'value="report"' in others and 'value="hide"' not in others

    own = page_of(logged_in(employee), article)
    assert 'value="edit"' in own and 'value="delete"' in own and 'value="report"' not in own
    assert 'value="hide"' in page_of(logged_in(moderator), article)

    services.report_comment(comment, colleague, "Upassende")
    again = page_of(logged_in(colleague), article)
    assert "Du har anmeldt kommentaren." in again and 'value="report"' not in again
    assert 'value="report"' in page_of(logged_in(moderator), article)


def test_the_edit_link_goes_when_the_edit_window_closes(article, employee, monkeypatch):
    services.post_comment(page=article, author=employee, body="Hurtig tanke")
    author = logged_in(employee)
    assert 'value="edit"' in page_of(author, article)
    later = timezone.now() + EDIT_WINDOW * 2
    monkeypatch.setattr(timezone, "now", lambda: later)
    content = page_of(author, article)
    assert 'value="edit"' not in content and 'value="delete"' in content


def test_forms_in_a_shared_fragment_carry_the_readers_own_csrf_token(article, employee, colleague):
    services.post_comment(page=article, author=employee, body="Svar gerne")
    page_of(logged_in(colleague), article)  # the fragment is made with the colleague's request
    reader = logged_in(employee.__class__.objects.create_user("tredje"), enforce_csrf_checks=True)
    content = page_of(reader, article)
    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', content))
    assert tokens and "placeholder" not in " ".join(tokens)
    comment = Comment.objects.get(body="Svar gerne")
    response = reader.post(
        article.url,
        {
            "comment_action": "reply",
            "comment": comment.pk,
            "body": "Her er mit svar",
            "csrfmiddlewaretoken": tokens.pop(),
        },
    )
    assert response.status_code == 302
    assert Comment.objects.filter(parent=comment, body="Her er mit svar").exists()
