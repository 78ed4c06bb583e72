"""Employees comment on project pages through the comments app (the same mechanism as news)."""

import pytest

from comments.models import Comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(make_project, lead):
    return make_project("Aktivt medborgerskab", lead=lead)


@pytest.fixture
def reader(client, make_user):
    client.force_login(make_user("medarbejder"))
    return client


def test_project_page_shows_the_comment_form(reader, project):
    html = reader.get(project.url).content.decode()
    assert '<form method="post"' in html and 'name="body"' in html
    assert 'name="comment_action"' in html


def test_employee_comments_on_a_project(reader, project):
    response = reader.post(project.url, {"comment_action": "post", "body": "Godt initiativ – jeg vil gerne være med."})
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.page_id == project.pk and comment.author.username == "medarbejder"
    assert "Godt initiativ" in reader.get(project.url).content.decode()


def test_an_empty_comment_is_explained_and_not_saved(reader, project):
    response = reader.post(project.url, {"comment_action": "post", "body": "   "})
    assert response.status_code in (200, 400)
    assert "form-error-message" in response.content.decode()
    assert not Comment.objects.exists()


def test_the_lead_can_close_comments_on_their_project(reader, project):
    project.comments_open = False
    project.save_revision().publish()
    reader.post(project.url, {"comment_action": "post", "body": "For sent"})
    assert not Comment.objects.exists()
    assert "Der er lukket for nye kommentarer" in reader.get(project.url).content.decode()
