"""The comment thread comes from a cached fragment that is never stale and never carries another reader's token."""

import re

import pytest
from django.test import Client
from django.test.signals import template_rendered
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


def drawn_comments(client, article):
    """How many comments comments/comment.html drew for one view of the article (the rest came from the cache)."""
    drawn = []

    def count(sender, template, **kwargs):
        if template.name == "comments/comment.html":
            drawn.append(1)

    template_rendered.connect(count)
    try:
        content = page_of(client, article)
    finally:
        template_rendered.disconnect(count)
    return len(drawn), content


def test_a_new_comment_on_a_long_thread_draws_that_comment_alone(article, employee, colleague, moderator):
    for number in range(6):
        author = employee if number % 2 else moderator  # the site allows five comments a minute each
        services.post_comment(page=article, author=author, body=f"Tanke nummer {number}")
    reader = logged_in(colleague)
    assert drawn_comments(reader, article)[0] == 6
    assert drawn_comments(reader, article)[0] == 0, "the whole thread is kept"

    services.post_comment(page=article, author=employee, body="En ny tanke")
    drawn, content = drawn_comments(reader, article)
    assert drawn == 1 and "En ny tanke" in content and "Tanke nummer 5" in content


def test_a_kept_comment_follows_its_authors_new_name_and_the_readers_rights(article, employee, colleague, moderator):
    services.post_comment(page=article, author=employee, body="Navnet følger med")
    reader = logged_in(colleague)
    page_of(reader, article)
    employee.first_name, employee.last_name = "Nyt", "Navn"
    employee.save()
    assert "Nyt Navn" in page_of(reader, article)
    # The moderator gets the same comment with her hide form, the author with her edit form.
    assert 'value="hide"' in page_of(logged_in(moderator), article)
    own = page_of(logged_in(employee), article)
    assert 'value="edit"' in own and 'value="hide"' not in own
    assert 'value="edit"' not in page_of(reader, article)


def test_kept_comments_get_the_readers_token_on_a_page_drawn_afresh(article, employee, colleague):
    services.post_comment(page=article, author=colleague, body="Kommentar fra før")
    page_of(logged_in(colleague), article)  # keeps the comment's drawing
    author = logged_in(employee, enforce_csrf_checks=True)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page_of(author, article)).group(1)
    response = author.post(article.url, {"comment_action": "post", "body": "Min nye", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    content = page_of(author, article)  # the confirmation: the thread is drawn afresh, kept comments inside it
    assert "Kommentar fra før" in content and "Min nye" in content
    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', content))
    assert tokens and not any("placeholder" in found for found in tokens)
