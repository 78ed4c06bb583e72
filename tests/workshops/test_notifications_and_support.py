"""The outcome workflow in notifications, following projects and outcomes, and support for ideas."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comments import services as comment_services
from notifications import services as notification_services
from notifications.models import Notification
from reactions import services as reaction_services
from workshops import report
from workshops.models import Idea

IDEAS_ADMIN = "/admin/snippets/workshops/idea/"  # Wagtail's snippet listing of ideas

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(submit, people):
    def make(**kwargs):
        page = submit(**kwargs)
        task_state = page.current_workflow_task_state
        task_state.task.specific.on_action(task_state, people["moderator"], "approve", comment="Fint")
        page.refresh_from_db()
        return page

    return make


def kinds_of(user):
    return list(Notification.objects.filter(recipient=user).order_by("pk").values_list("kind", flat=True))


def test_a_submission_awaits_the_reviewers_and_the_decision_reaches_the_submitter(submit, people, client):
    page = submit()
    assert kinds_of(people["projektleder"]) == ["outcome_review"]
    assert kinds_of(people["moderator"]) == ["outcome_review"]
    assert kinds_of(people["medarbejder"]) == []
    review = Notification.objects.get(recipient=people["projektleder"])
    assert review.url == f"/admin/pages/{page.pk}/edit/"
    assert review.message == (
        "Mads Bundgaard har sendt workshopresultatet “Idéer til frivillighed i lokalområdet” til din godkendelse"
    )

    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, people["projektleder"], "reject", comment="Flere borgere?")
    decision = Notification.objects.get(recipient=people["medarbejder"])
    assert decision.kind == "outcome_decision"
    assert decision.url == f"/mine-indsendelser/{page.pk}/rediger/"
    assert "Flere borgere?" in decision.excerpt
    client.force_login(people["medarbejder"])
    html = client.get("/notifikationer/").content.decode()
    assert "Pernille Lykkegaard har behandlet dit workshopresultat" in html


def test_following_a_project_brings_its_new_outcomes_and_comments(published, people, project, client):
    follower = people["kommunikation"]
    client.force_login(follower)
    html = client.get(project.url).content.decode()
    assert "Følg projekt" in html
    client.post("/notifikationer/foelg/", {"type": "projects.projectpage", "id": project.pk, "action": "follow"})
    assert "Du følger “Aktivt medborgerskab”." in client.get(project.url).content.decode()

    page = published(title="Nyt fra workshoppen")
    assert kinds_of(follower) == ["followed_content"]
    assert Notification.objects.get(recipient=follower).title == "Nyt fra workshoppen"

    comment_services.post_comment(page=project, author=people["medarbejder"], body="Hvornår er næste workshop?")
    comment_services.post_comment(page=page, author=people["medarbejder"], body="Godt gået!")
    assert kinds_of(follower) == ["followed_content"] * 3
    # The submitter hears of the comment on their outcome as "comment on mine", once.
    assert kinds_of(people["medarbejder"])[-1] == "outcome_decision"
    client.force_login(people["forandringsagent"])
    assert client.get("/").status_code == 200


def test_following_an_outcome_brings_its_comments(published, people, client):
    page = published()
    client.force_login(people["projektleder2"])
    client.post("/notifikationer/foelg/", {"type": "workshops.workshopoutcomepage", "id": page.pk, "action": "follow"})
    comment_services.post_comment(page=page, author=people["kommunikation"], body="Spændende")
    assert kinds_of(people["projektleder2"]) == ["followed_content"]
    html = client.get("/").content.decode()
    assert f'<a href="{page.url}">{page.title}</a>' in html


def test_drafts_cannot_be_followed_or_supported(submit, people, client):
    page = submit()
    client.force_login(people["kommunikation"])
    client.post("/notifikationer/foelg/", {"type": "workshops.workshopoutcomepage", "id": page.pk, "action": "follow"})
    assert not notification_services.followed_by(people["kommunikation"])
    client.post("/reaktioner/", {"type": "workshops.workshopoutcomepage", "id": page.pk, "action": "add"})
    from reactions.models import Reaction

    assert not Reaction.objects.exists()


def test_supporting_an_idea(published, people, client):
    page = published(ideas=[("Børs", "a"), ("Spisning", "b")])
    idea = Idea.objects.get(title="Spisning")
    client.force_login(people["medarbejder"])
    html = client.get(page.url).content.decode()
    assert "Støt idéen<span" in html and "0 personer støtter idéen" in html
    response = client.post("/reaktioner/", {"type": "workshops.idea", "id": idea.pk, "action": "add", "next": page.url})
    assert response.url == page.url
    html = client.get(page.url).content.decode()
    assert "Træk din støtte tilbage" in html and "1 person støtter idéen" in html


def test_the_report_sorts_projects_and_lists_ideas_by_support(published, people, projects, client):
    published(ideas=[("Børs", "a")])
    published(target=projects["other"], ideas=[("Gåtur", "c"), ("Løb", "d")])
    for user in (people["medarbejder"], people["forandringsagent"]):
        reaction_services.add(user, Idea.objects.get(title="Gåtur"))
    reaction_services.add(people["medarbejder"], Idea.objects.get(title="Børs"))

    by_title = report.strategy_report()
    assert [row["project"]["title"] for row in by_title["rows"]] == ["Aktivt medborgerskab", "Sund hverdag"]
    by_support = report.strategy_report("stoette")
    assert [row["project"]["title"] for row in by_support["rows"]] == ["Sund hverdag", "Aktivt medborgerskab"]
    assert [row["support"] for row in by_support["rows"]] == [2, 1]
    assert [(idea["title"], idea["support"]) for idea in by_support["top_ideas"]] == [("Gåtur", 2), ("Børs", 1)]

    client.force_login(people["kommunikation"])
    html = client.get("/rapport/?sortering=stoette").content.decode()
    assert html.index("Sund hverdag</a></th>") < html.index("Aktivt medborgerskab</a></th>")
    assert 'aria-sort="descending"' in html
    assert "De mest støttede idéer" in html


def test_the_idea_admin_lists_and_sorts_by_support(published, people, client):
    published(ideas=[("Børs", "a"), ("Spisning", "b")])
    reaction_services.add(people["medarbejder"], Idea.objects.get(title="Spisning"))
    client.force_login(people["kommunikation"])
    listing = client.get(IDEAS_ADMIN).content.decode()
    assert "Støtte" in listing or "støtte" in listing
    ordered = client.get(IDEAS_ADMIN, {"ordering": "-support_count"}).content.decode()
    assert ordered.index("Spisning") < ordered.index("Børs")


def test_outcome_page_queries_do_not_grow_with_ideas_and_support(published, people, client, make_user):
    client.force_login(people["medarbejder"])
    small = published(ideas=[("A", "a")])
    big = published(ideas=[(f"Idé {n}", "x") for n in range(25)], title="Mange idéer")
    supporters = [make_user(f"stoetter{n}") for n in range(6)]
    for idea in Idea.objects.filter(outcome=big):
        for user in supporters:
            reaction_services.add(user, idea)

    def count(page):
        client.get(page.url)
        with CaptureQueriesContext(connection) as context:
            assert client.get(page.url).status_code == 200
        return len(context.captured_queries)

    assert count(small) == count(big)
