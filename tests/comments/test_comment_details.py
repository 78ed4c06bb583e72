"""Comment details: the confirmation beside the comment, deleting asks first, the heading counts what is shown."""

import datetime

import pytest

from comments import services
from comments.models import Comment
from tests.factories import NewsArticlePageFactory, ProjectIndexPageFactory, ProjectPageFactory

from .test_comments import post

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged_in(client, employee):
    client.force_login(employee)
    return client


def confirmation_of(html, comment):
    """The text of the confirmation inside the comment's own article element, or None."""
    start = html.index(f'id="kommentar-{comment.pk}"')
    end = html.index("</article>", start)
    part = html[start:end]
    if "comment-confirmation" not in part:
        return None
    return part[part.index("comment-confirmation") :]


def test_the_confirmation_is_shown_next_to_the_comment_the_page_jumps_to(logged_in, article, colleague):
    response = post(logged_in, article, body="Godt initiativ!")
    comment = Comment.objects.get()
    assert response["Location"].endswith(f"#kommentar-{comment.pk}")
    html = logged_in.get(article.url).content.decode()
    assert "Din kommentar er offentliggjort." in confirmation_of(html, comment)
    assert 'class="messages"' not in html  # not at the top of the page, out of sight
    # Shown once: the next visit has no confirmation.
    assert confirmation_of(logged_in.get(article.url).content.decode(), comment) is None

    other = Comment.objects.create(page=article, author=colleague, body="Uenig")
    post(logged_in, article, "report", comment=other.pk, reason="Off topic")
    html = logged_in.get(article.url).content.decode()
    assert "Kommentaren er sendt til en moderator" in confirmation_of(html, other)

    post(logged_in, article, "reply", comment=other.pk, body="Hvorfor?")
    reply = Comment.objects.get(parent=other)
    assert "Dit svar er offentliggjort." in confirmation_of(logged_in.get(article.url).content.decode(), reply)


def test_deleting_asks_for_confirmation_without_javascript(logged_in, article, employee):
    comment = Comment.objects.create(page=article, author=employee, body="Fortryder")
    html = logged_in.get(article.url).content.decode()
    start = html.index(f'id="kommentar-{comment.pk}"')
    part = html[start : html.index("</article>", start)]
    delete = part[part.index('value="delete"') - 600 :]
    assert "<details" in delete[: delete.index('value="delete"')]
    assert "Vil du slette din kommentar?" in part
    assert "Ja, slet kommentaren" in part


def test_the_heading_counts_what_is_shown(client, article, colleague, employee, moderator):
    Comment.objects.create(page=article, author=colleague, body="Synlig")
    hidden = Comment.objects.create(page=article, author=colleague, body="Grimt")
    services.hide_comment(hidden, moderator, "Brud på retningslinjerne")
    client.force_login(employee)
    html = client.get(article.url).content.decode()
    assert "1 kommentar, 1 fjernet</h2>" in html


def test_a_projects_news_list_shows_the_articles_own_dates(client, home_page, article, employee):
    projects = ProjectIndexPageFactory(parent=home_page)
    project = ProjectPageFactory(parent=projects, title="Aktivt medborgerskab")
    NewsArticlePageFactory(
        parent=article.get_parent(),
        title="Borgermøde i Bording",
        date=datetime.date(2012, 1, 10),
        related_project=project,
    )
    client.force_login(employee)
    html = client.get(project.url).content.decode()
    assert "10. januar 2012" in html
