import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reactions import services as reaction_services
from workshops import report, services
from workshops.models import Idea, IdeaStatusChange
from workshops.report import strategy_report

IDEAS_ADMIN = "/admin/snippets/workshops/idea/"  # Wagtail's snippet listing of ideas

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(submit, people):
    """Publish outcomes as their reviewers would."""

    def make(**kwargs):
        page = submit(**kwargs)
        task_state = page.current_workflow_task_state
        task_state.task.specific.on_action(task_state, people["moderator"], "approve")
        page.refresh_from_db()
        assert page.live
        return page

    return make


def move(client, idea, to_status, from_status=None):
    return client.post(f"/ideer/{idea.pk}/status/", {"from_status": from_status or idea.status, "to_status": to_status})


def test_the_lead_moves_an_idea_from_the_outcome_page_and_history_is_kept(client, published, people):
    page = published()
    idea = Idea.objects.get(outcome=page)
    client.force_login(people["projektleder"])
    html = client.get(page.url).content.decode()
    assert f'action="/ideer/{idea.pk}/status/"' in html

    response = move(client, idea, "udvalgt")
    assert response.status_code == 302
    assert response.url == f"{page.url}#ide-{idea.pk}"
    idea.refresh_from_db()
    assert idea.status == "udvalgt"
    move(client, idea, "afproeves")
    idea.refresh_from_db()
    move(client, idea, "implementeret")
    idea.refresh_from_db()
    assert idea.status == "implementeret"
    history = list(idea.history.values_list("from_status", "to_status", "changed_by__username"))
    assert history == [
        ("ny", "udvalgt", "projektleder"),
        ("udvalgt", "afproeves", "projektleder"),
        ("afproeves", "implementeret", "projektleder"),
    ]


@pytest.mark.parametrize("username", ["projektleder2", "moderator", "medarbejder", "kommunikation"])
def test_only_the_projects_lead_moves_ideas(client, published, people, username):
    page = published()
    idea = Idea.objects.get(outcome=page)
    client.force_login(people[username])
    assert 'action="/ideer/' not in client.get(page.url).content.decode()
    assert move(client, idea, "udvalgt").status_code == 403
    idea.refresh_from_db()
    assert idea.status == "ny"
    assert not IdeaStatusChange.objects.exists()


def test_a_move_that_skips_steps_or_is_stale_is_refused_with_a_message(client, published, people):
    page = published()
    idea = Idea.objects.get(outcome=page)
    client.force_login(people["projektleder"])
    response = move(client, idea, "implementeret")
    assert "kan ikke flyttes til Implementeret" in client.get(response.url.split("#")[0]).content.decode()
    move(client, idea, "parkeret")
    # A second tab still shows "ny".
    response = move(client, idea, "udvalgt", from_status="ny")
    assert "flyttet af en anden i mellemtiden" in client.get(response.url.split("#")[0]).content.decode()
    idea.refresh_from_db()
    assert idea.status == "parkeret"
    assert IdeaStatusChange.objects.count() == 1


def test_ideas_of_drafts_cannot_be_moved(client, submit, people):
    page = submit()
    client.force_login(people["projektleder"])
    assert not Idea.objects.filter(outcome=page).exists()


def test_statuses_survive_republishing(published, people):
    page = published()
    idea = Idea.objects.get(outcome=page)
    services.move_idea(idea, people["projektleder"], "ny", "udvalgt")
    page.save_revision(user=people["projektleder"]).publish()
    idea.refresh_from_db()
    assert idea.status == "udvalgt"


def test_admin_lists_ideas_filtered_by_status_and_project_and_exports_csv(client, published, people, projects):
    ours = published(ideas=[("Børs", "a"), ("Spisning", "b")])
    theirs = published(target=projects["other"], ideas=[("Gåtur", "c")])
    services.move_idea(Idea.objects.get(title="Børs"), people["projektleder"], "ny", "udvalgt")
    client.force_login(people["kommunikation"])

    listing = client.get(IDEAS_ADMIN)
    assert listing.status_code == 200
    assert all(title in listing.content.decode() for title in ("Børs", "Spisning", "Gåtur"))
    filtered = client.get(IDEAS_ADMIN, {"status": "udvalgt"}).content.decode()
    assert "Børs" in filtered and "Spisning" not in filtered
    by_project = client.get(IDEAS_ADMIN, {"project": projects["other"].pk}).content.decode()
    assert "Gåtur" in by_project and "Børs" not in by_project

    export = client.get(IDEAS_ADMIN, {"export": "csv"})
    assert export.status_code == 200
    content = b"".join(export.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))  # the intranet's CSV dialect
    assert rows[0][:3] == ["Titel", "Beskrivelse", "Status"]
    body = {row[0]: row for row in rows[1:]}
    assert body["Børs"][2] == "Udvalgt"
    assert body["Gåtur"][3] == projects["other"].title
    assert body["Spisning"][4] == ours.title
    assert theirs.pk


def test_employees_do_not_reach_the_idea_admin(client, published, people):
    published()
    client.force_login(people["medarbejder"])
    assert client.get(IDEAS_ADMIN).status_code in (302, 403)


def test_report_figures_match_the_data(client, published, submit, people, projects):
    first = published(employee_participants="10", citizen_participants="4", ideas=[("A", "a"), ("B", "b")])
    published(employee_participants="6", citizen_participants="0", ideas=[("C", "c")])
    published(target=projects["other"], employee_participants="3", citizen_participants="2", ideas=[("D", "d")])
    submit(employee_participants="100", citizen_participants="100", ideas=[("Kladde", "x")])  # not counted
    services.move_idea(Idea.objects.get(title="A"), people["projektleder"], "ny", "udvalgt")
    services.move_idea(Idea.objects.get(title="C"), people["projektleder"], "ny", "parkeret")
    assert first.live

    report = strategy_report()
    ours = next(row for row in report["rows"] if row["project"]["title"] == "Aktivt medborgerskab")
    assert (ours["workshops"], ours["employees"], ours["citizens"]) == (2, 16, 4)
    assert ours["idea_counts"] == [1, 1, 0, 0, 1]
    assert (report["total"]["workshops"], report["total"]["employees"], report["total"]["citizens"]) == (3, 19, 6)
    assert report["total"]["idea_counts"] == [2, 1, 0, 0, 1]

    client.force_login(people["kommunikation"])
    page = client.get("/rapport/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html and 'role="img"' in html and "<title" in html
    assert "Aktivt medborgerskab: 1 ny, 1 udvalgt, 1 parkeret." in html

    export = client.get("/rapport/csv/")
    assert export["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Projekt"
    assert rows[1] == ["Aktivt medborgerskab", "2", "16", "4", "1", "1", "0", "0", "1", "3", "0"]
    assert rows[-1] == ["I alt", "3", "19", "6", "2", "1", "0", "0", "1", "4", "0"]


def test_report_query_count_does_not_grow_with_the_data(published, projects):
    """The counting itself (``strategy_report`` keeps its answer; ``_count`` is what it keeps)."""
    published()
    report._count("projekt")  # warms Wagtail's cache of site root paths (used for the project links)
    with CaptureQueriesContext(connection) as small:
        report._count("projekt")
    for number in range(4):
        published(title=f"Workshop {number}", ideas=[("X", "x"), ("Y", "y")])
        published(target=projects["other"], title=f"Anden {number}")
    with CaptureQueriesContext(connection) as large:
        report._count("projekt")
    assert len(large) == len(small)


def test_the_kept_report_follows_support_new_outcomes_and_removed_ideas(published, people):
    published(ideas=[("A", "a")])
    assert strategy_report()["total"]["support"] == 0
    with CaptureQueriesContext(connection) as repeated:
        strategy_report()
    assert len(repeated) == 0  # kept
    reaction_services.add(people["medarbejder"], Idea.objects.get(title="A"))
    assert strategy_report()["total"]["support"] == 1
    assert strategy_report(sort="stoette")["total"]["support"] == 1
    published(title="Endnu en workshop", ideas=[("B", "b")])
    assert strategy_report()["total"]["workshops"] == 2
    assert sum(strategy_report()["total"]["idea_counts"]) == 2
    Idea.objects.get(title="B").delete()
    assert sum(strategy_report()["total"]["idea_counts"]) == 1


@pytest.mark.parametrize(
    ("username", "allowed"),
    [
        ("medarbejder", False),
        ("forandringsagent", False),
        ("projektleder", True),
        ("kommunikation", True),
        ("moderator", True),
    ],
)
def test_report_is_for_leads_communications_and_moderators(client, people, projects, username, allowed):
    client.force_login(people[username])
    assert client.get("/rapport/").status_code == (200 if allowed else 403)
    assert client.get("/rapport/csv/").status_code == (200 if allowed else 403)


def test_moderation_queue_lists_what_awaits_each_reviewer(client, submit, people, projects):
    ours = submit(title="Til Pernille")
    theirs = submit(target=projects["other"], title="Til Peter")
    client.force_login(people["projektleder"])
    html = client.get("/moderering/").content.decode()
    assert "Til Pernille" in html and "Til Peter" not in html
    assert f'href="/moderering/workshopresultater/{ours.pk}/"' in html
    client.force_login(people["moderator"])
    html = client.get("/moderering/").content.decode()
    assert "Til Pernille" in html and "Til Peter" in html
    assert f'href="/moderering/workshopresultater/{theirs.pk}/"' in html
    client.force_login(people["medarbejder"])
    assert client.get("/moderering/").status_code == 403


def test_my_submissions_lists_only_my_own(client, submit, people):
    submit(title="Min egen")
    submit(user=people["forandringsagent"], title="Fridas")
    client.force_login(people["medarbejder"])
    html = client.get("/mine-indsendelser/").content.decode()
    assert "Min egen" in html and "Fridas" not in html
    assert "Afventer godkendelse" in html


def test_employees_comment_on_published_outcomes_only(client, published, submit, people):
    from comments.models import Comment

    page = published()
    client.force_login(people["medarbejder"])
    response = client.post(page.url, {"comment_action": "post", "body": "Spændende idéer!"})
    assert response.status_code == 302
    assert Comment.objects.get(page=page).body == "Spændende idéer!"
    assert "Spændende idéer!" in client.get(page.url).content.decode()

    draft = submit(title="Endnu ikke godkendt")
    client.force_login(people["forandringsagent"])
    response = client.post(draft.get_parent().url + draft.slug + "/", {"comment_action": "post", "body": "Hej"})
    assert response.status_code in (403, 404)
    assert not Comment.objects.filter(page=draft).exists()


def test_reported_comments_appear_in_the_moderation_queue(client, published, people):
    from comments.models import Comment, CommentReport

    page = published()
    comment = Comment.objects.create(page=page, author=people["medarbejder"], body="Upassende tekst")
    CommentReport.objects.create(comment=comment, reporter=people["forandringsagent"], reason="Grov")
    client.force_login(people["moderator"])
    html = client.get("/moderering/").content.decode()
    assert "Upassende tekst" in html
    assert f'href="/admin/snippets/comments/comment/inspect/{comment.pk}/"' in html
    # Kommunikation moderates comments but reviews no outcomes.
    client.force_login(people["kommunikation"])
    html = client.get("/moderering/").content.decode()
    assert "Upassende tekst" in html
    assert "Workshopresultater til godkendelse" not in html


def test_the_cached_report_drawing_follows_the_figures(client, published, people):
    """The table and chart are cached under a digest of the figures: a moved idea shows at once."""
    published(ideas=[("A", "a"), ("B", "b")])
    client.force_login(people["kommunikation"])
    assert "Aktivt medborgerskab: 2 ny." in client.get("/rapport/").content.decode()
    services.move_idea(Idea.objects.get(title="A"), people["projektleder"], "ny", "udvalgt")
    assert "Aktivt medborgerskab: 1 ny, 1 udvalgt." in client.get("/rapport/").content.decode()
