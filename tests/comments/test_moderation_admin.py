"""Moderation in the Wagtail admin (a read-only snippet viewset with moderation actions) and the dashboard count."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from comments import services
from comments.admin_views import action_url, comment_viewset
from comments.models import Comment, CommentReport
from people import roles

pytestmark = pytest.mark.django_db


def index_url():
    return reverse(comment_viewset.get_url_name("list"))


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
    response = client.get(index_url())
    assert response.status_code == 200
    assert listed(response) == {c.pk for c in comments.values()}
    assert listed(client.get(index_url(), {"anmeldt": "ja"})) == {comments["rude"].pk}
    assert listed(client.get(index_url(), {"anmeldt": "nej"})) == {comments["fine"].pk, comments["gone"].pk}
    assert listed(client.get(index_url(), {"status": "hidden"})) == {comments["gone"].pk}
    assert listed(client.get(index_url(), {"side": str(comments["fine"].page_id)})) == {c.pk for c in comments.values()}
    assert listed(client.get(index_url(), {"side": "999999"})) == {c.pk for c in comments.values()}  # not a choice
    assert listed(client.get(index_url(), {"q": "kantinen"})) == {comments["rude"].pk}


def test_list_offers_hide_unhide_and_no_edit_or_delete(client, moderator, comments):
    client.force_login(moderator)
    content = client.get(index_url()).content.decode()
    assert action_url("hide", comments["fine"]) in content
    assert action_url("unhide", comments["gone"]) in content
    assert action_url("dismiss", comments["rude"]) in content
    assert client.get(action_url("delete", comments["fine"])).status_code in (302, 403)
    assert client.get(action_url("edit", comments["fine"])).status_code in (302, 403)
    assert client.post(action_url("delete", comments["fine"])).status_code in (302, 403)
    assert Comment.objects.count() == 3


def test_inspect_shows_the_comment_its_open_reports_and_the_actions(client, moderator, comments):
    client.force_login(moderator)
    response = client.get(action_url("inspect", comments["rude"]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Noget grimt om kantinen" in content and "Uvenligt" in content
    assert action_url("hide", comments["rude"]) in content
    assert action_url("dismiss", comments["rude"]) in content
    assert reverse(comment_viewset.get_url_name("add")) not in content


def test_nobody_adds_comments_in_the_admin(client, moderator, comments):
    client.force_login(moderator)
    assert client.get(reverse(comment_viewset.get_url_name("add"))).status_code in (302, 403)
    assert client.post(reverse(comment_viewset.get_url_name("add")), {"body": "x"}).status_code in (302, 403)
    assert Comment.objects.count() == 3


def test_no_snippet_chooser_lists_comments(client, make_user, moderator, comments):
    """Wagtail's choosers list every object without asking the policy: the read-only viewsets have none."""
    for person in (moderator, make_user("leder2", roles.PROJECT_LEADS)):
        client.force_login(person)
        assert client.get("/admin/snippets/choose/comments/comment/").status_code == 404
        client.post(f"/admin/bulk/comments/comment/delete/?id={comments['fine'].pk}")
    assert Comment.objects.count() == 3


def test_hide_in_the_admin_needs_a_reason_and_is_logged(client, moderator, comments):
    client.force_login(moderator)
    url = action_url("hide", comments["rude"])
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
    assert client.post(action_url("unhide", comments["gone"])).status_code == 302
    assert Comment.objects.get(pk=comments["gone"].pk).is_visible
    assert client.post(action_url("dismiss", comments["rude"])).status_code == 302
    assert Comment.objects.get(pk=comments["rude"].pk).is_visible
    assert not Comment.objects.reported().exists()
    assert ModelLogEntry.objects.filter(action="comments.unhide").exists()


def test_history_shows_the_audit_log(client, moderator, comments):
    services.hide_comment(comments["fine"], moderator, "Test af historik")
    client.force_login(moderator)
    response = client.get(action_url("history", comments["fine"]))
    assert response.status_code == 200
    assert "Kommentar skjult af moderator" in response.content.decode()


def test_project_leads_cannot_moderate_in_the_admin(client, make_user, comments):
    lead = make_user("leder", roles.PROJECT_LEADS)
    client.force_login(lead)
    assert client.get(index_url()).status_code in (302, 403)
    assert client.get(action_url("inspect", comments["fine"])).status_code in (302, 403)
    assert client.get(action_url("history", comments["fine"])).status_code in (302, 403)
    assert client.post(action_url("dismiss", comments["rude"])).status_code in (302, 403)
    assert Comment.objects.reported().exists()
    response = client.post(action_url("hide", comments["fine"]), {"reason": "Nej"})
    assert response.status_code in (302, 403)
    assert Comment.objects.get(pk=comments["fine"].pk).is_visible
    assert "Anmeldte kommentarer" not in client.get("/admin/").content.decode()


def test_dashboard_counts_reported_comments_for_moderators(client, communicator, comments, colleague):
    CommentReport.objects.create(comment=comments["fine"], reporter=communicator)
    client.force_login(communicator)
    content = client.get("/admin/").content.decode()
    assert "Anmeldte kommentarer" in content
    assert "2 kommentarer venter på en moderator." in content
    assert f"{index_url()}?anmeldt=ja" in content
