"""Moderation in the Wagtail admin (wagtail-modeladmin) and the dashboard count."""

import pytest
from wagtail.models import ModelLogEntry

from comments import services
from comments.models import Comment, CommentReport
from comments.wagtail_hooks import CommentAdmin
from people import roles

pytestmark = pytest.mark.django_db

URLS = CommentAdmin().url_helper


@pytest.fixture
def comments(article, colleague, employee):
    fine = Comment.objects.create(page=article, author=colleague, body="En helt almindelig kommentar")
    rude = Comment.objects.create(page=article, author=employee, body="Noget grimt om kantinen")
    CommentReport.objects.create(comment=rude, reporter=colleague, reason="Uvenligt")
    gone = Comment.objects.create(page=article, author=colleague, body="Allerede skjult", status=Comment.Status.HIDDEN)
    return {"fine": fine, "rude": rude, "gone": gone}


def listed(response):
    return {comment.pk for comment in response.context["object_list"]}


def test_moderator_lists_and_filters_comments(client, moderator, comments):
    client.force_login(moderator)
    response = client.get(URLS.index_url)
    assert response.status_code == 200
    assert listed(response) == {c.pk for c in comments.values()}
    assert listed(client.get(URLS.index_url, {"anmeldt": "ja"})) == {comments["rude"].pk}
    assert listed(client.get(URLS.index_url, {"anmeldt": "nej"})) == {comments["fine"].pk, comments["gone"].pk}
    assert listed(client.get(URLS.index_url, {"status": "hidden"})) == {comments["gone"].pk}
    assert listed(client.get(URLS.index_url, {"side": str(comments["fine"].page_id)})) == {
        c.pk for c in comments.values()
    }
    assert listed(client.get(URLS.index_url, {"side": "999999"})) == set()
    assert listed(client.get(URLS.index_url, {"q": "kantinen"})) == {comments["rude"].pk}


def test_list_offers_hide_unhide_and_no_edit_or_delete(client, moderator, comments):
    client.force_login(moderator)
    content = client.get(URLS.index_url).content.decode()
    assert URLS.get_action_url("hide", comments["fine"].pk) in content
    assert URLS.get_action_url("unhide", comments["gone"].pk) in content
    assert URLS.get_action_url("dismiss", comments["rude"].pk) in content
    assert client.get(URLS.get_action_url("delete", comments["fine"].pk)).status_code in (302, 403)
    assert client.get(URLS.get_action_url("edit", comments["fine"].pk)).status_code in (302, 403)
    assert client.post(URLS.get_action_url("delete", comments["fine"].pk)).status_code in (302, 403)
    assert Comment.objects.count() == 3


def test_hide_in_the_admin_needs_a_reason_and_is_logged(client, moderator, comments):
    client.force_login(moderator)
    url = URLS.get_action_url("hide", comments["rude"].pk)
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": ""})
    assert response.status_code == 400
    assert Comment.objects.get(pk=comments["rude"].pk).is_visible
    response = client.post(url, {"reason": "Nedsættende om kolleger"})
    assert response.status_code == 302
    rude = Comment.objects.get(pk=comments["rude"].pk)
    assert rude.is_hidden and rude.moderation_reason == "Nedsættende om kolleger"
    assert not Comment.objects.reported().exists()
    assert ModelLogEntry.objects.filter(action="comments.hide", object_id=str(rude.pk), user=moderator).exists()


def test_unhide_and_dismiss_in_the_admin(client, moderator, comments):
    client.force_login(moderator)
    assert client.post(URLS.get_action_url("unhide", comments["gone"].pk)).status_code == 302
    assert Comment.objects.get(pk=comments["gone"].pk).is_visible
    assert client.post(URLS.get_action_url("dismiss", comments["rude"].pk)).status_code == 302
    assert Comment.objects.get(pk=comments["rude"].pk).is_visible
    assert not Comment.objects.reported().exists()
    assert ModelLogEntry.objects.filter(action="comments.unhide").exists()


def test_history_shows_the_audit_log(client, moderator, comments):
    services.hide_comment(comments["fine"], moderator, "Test af historik")
    client.force_login(moderator)
    response = client.get(URLS.get_action_url("history", comments["fine"].pk))
    assert response.status_code == 200
    assert "Kommentar skjult af moderator" in response.content.decode()


def test_project_leads_cannot_moderate_in_the_admin(client, make_user, comments):
    lead = make_user("leder", roles.PROJECT_LEADS)
    client.force_login(lead)
    assert client.get(URLS.index_url).status_code in (302, 403)
    response = client.post(URLS.get_action_url("hide", comments["fine"].pk), {"reason": "Nej"})
    assert response.status_code in (302, 403)
    assert Comment.objects.get(pk=comments["fine"].pk).is_visible
    assert "Anmeldte kommentarer" not in client.get("/admin/").content.decode()


def test_dashboard_counts_reported_comments_for_moderators(client, communicator, comments, colleague):
    CommentReport.objects.create(comment=comments["fine"], reporter=communicator)
    client.force_login(communicator)
    content = client.get("/admin/").content.decode()
    assert "Anmeldte kommentarer" in content
    assert "2 kommentarer venter på en moderator." in content
    assert f"{URLS.index_url}?anmeldt=ja" in content
