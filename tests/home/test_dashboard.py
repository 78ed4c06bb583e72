"""The personal dashboard at ``/``: news, my projects, my submissions, the review queue, ideas, replies."""

import datetime
import re
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comments.models import Comment, CommentReport
from people import roles
from projects.models import ProjectPage, ProjectTeamMember
from workshops import services as workshop_services
from workshops.models import Idea

from ..factories import (
    DepartmentFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
    WorkshopOutcomePageFactory,
)
from ..query_budget import assert_within_budget

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(make_user, role_groups):
    return {
        "medarbejder": make_user("medarbejder", roles.EMPLOYEES, first_name="Mads", last_name="Bundgaard"),
        "projektleder": make_user("projektleder", roles.EMPLOYEES, first_name="Pernille", last_name="Lykkegaard"),
        "projektleder2": make_user("projektleder2", roles.EMPLOYEES, first_name="Peter"),
        "moderator": make_user("moderator", roles.EMPLOYEES, roles.MODERATORS, first_name="Mette"),
        "kommunikation": make_user("kommunikation", roles.EMPLOYEES, roles.COMMUNICATIONS, first_name="Kasper"),
        "kollega": make_user("kollega", roles.EMPLOYEES, first_name="Kim", last_name="Kollega"),
    }


@pytest.fixture
def tree(home_page, people):
    projects = ProjectIndexPageFactory(parent=home_page)
    ours = ProjectPageFactory(parent=projects, title="Aktivt medborgerskab", slug="aktivt-medborgerskab")
    ours.lead = people["projektleder"]
    ours.save_revision().publish()
    other = ProjectPageFactory(parent=projects, title="Sund hverdag", slug="sund-hverdag")
    other.lead = people["projektleder2"]
    other.save_revision().publish()
    ours.refresh_from_db()
    other.refresh_from_db()
    return {"news": NewsIndexPageFactory(parent=home_page), "projects": projects, "ours": ours, "other": other}


def submit(project, user, title="Idéer til frivillighed", ideas=("Frivillighedsbørs",)):
    """Submit an outcome through the workshops service, as the submission form does."""
    data = {
        "token": uuid.uuid4(),
        "title": title,
        "workshop_date": datetime.date(2012, 1, 24),
        "facilitators": [],
        "employee_participants": 12,
        "citizen_participants": 7,
        "method": "Brainwriting.",
        "summary": "Vi fandt mange idéer.",
        "next_steps": "",
    }
    idea_list = [{"title": idea, "description": "Beskrivelse.", "block_id": ""} for idea in ideas]
    page, _created = workshop_services.submit_outcome(project, user, data, idea_list, [])
    return page


def decide(page, reviewer, action, comment=""):
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, reviewer, action, comment=comment)
    page.refresh_from_db()
    return page


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    return response.context["dashboard"], response.content.decode()


def section(content, heading_id):
    """The HTML of one dashboard block, found by its heading."""
    match = re.search(rf'<section[^>]*aria-labelledby="{heading_id}"[^>]*>(.*?)</section>', content, re.S)
    assert match, f"no section {heading_id}"
    return match.group(1)


# --- What each block shows ----------------------------------------------------------
def test_a_new_employee_sees_every_block_with_its_empty_state(client, tree, people):
    _data, content = dashboard(client, people["medarbejder"])
    for heading_id, heading, empty in [
        ("news-heading", "Seneste nyheder", "Der er ingen nyheder endnu."),
        ("projects-heading", "Mine projekter", "Du er ikke med i nogen projekter endnu."),
        ("submissions-heading", "Mine indsendelser", "Du har ikke indsendt nogen workshopresultater endnu."),
        ("ideas-heading", "Nyeste idéer", "Der er ingen idéer endnu."),
        ("replies-heading", "Svar på dine kommentarer", "Ingen har svaret på dine kommentarer endnu."),
    ]:
        html = section(content, heading_id)
        assert f'<h2 id="{heading_id}">{heading}</h2>' in html
        assert empty in html
    # Employees review nothing: no queue block.
    assert "Til moderering" not in content


def test_latest_news_newest_first_without_drafts(client, tree, people):
    for day in range(1, 8):
        NewsArticlePageFactory(parent=tree["news"], title=f"Nyhed den {day}.", date=datetime.date(2012, 1, day))
    draft = NewsArticlePageFactory(parent=tree["news"], title="Kladde", date=datetime.date(2012, 2, 1), live=False)
    data, content = dashboard(client, people["medarbejder"])
    titles = [article.title for article in data["news"].items]
    assert titles == ["Nyhed den 7.", "Nyhed den 6.", "Nyhed den 5.", "Nyhed den 4.", "Nyhed den 3."]
    html = section(content, "news-heading")
    assert '<a href="/nyheder/nyhed-den-7/">Nyhed den 7.</a>' in html
    assert '<time datetime="2012-01-07">7. januar 2012</time>' in html
    assert draft.title not in html
    assert '<a href="/nyheder/">Alle nyheder</a>' in html


def test_my_projects_as_lead_and_as_team_member(client, tree, people):
    employee = people["medarbejder"]
    led = ProjectPageFactory(parent=tree["projects"], title="Ældre i bevægelse", lead=employee)
    ProjectTeamMember.objects.create(page=tree["ours"], user=employee, role="Frivillighed")
    hidden = ProjectPageFactory(parent=tree["projects"], title="Ikke udgivet", lead=employee, live=False)
    data, content = dashboard(client, employee)
    assert [project.title for project in data["projects"].items] == ["Aktivt medborgerskab", "Ældre i bevægelse"]
    html = section(content, "projects-heading")
    assert re.search(r'Ældre i bevægelse</a>\s*<span class="meta">\(projektleder\)</span>', html)
    assert re.search(r'Aktivt medborgerskab</a>\s*<span class="meta">\(projektgruppe\)</span>', html)
    assert hidden.title not in html and "Sund hverdag" not in html
    assert led.url in html


def test_my_submissions_with_their_status(client, tree, people):
    employee, lead = people["medarbejder"], people["projektleder"]
    decide(submit(tree["ours"], employee, title="Godkendt workshop"), lead, "approve")
    sent_back = decide(submit(tree["ours"], employee, title="Sendt tilbage"), lead, "reject", comment="Tilføj dato")
    submit(tree["ours"], employee, title="Venter")
    submit(tree["ours"], people["kollega"], title="En andens workshop")
    data, content = dashboard(client, employee)
    html = section(content, "submissions-heading")
    assert [item["page"].title for item in data["submissions"].items] == [
        "Venter",
        "Sendt tilbage",
        "Godkendt workshop",
    ]
    assert re.search(r"Venter\s*<span class=\"badge badge-info\"><span class=\"sr-only\">Status: </span>Afventer", html)
    assert "Ændringer ønsket" in html and f'href="/mine-indsendelser/{sent_back.pk}/rediger/"' in html
    assert re.search(r'<a href="/projekter/aktivt-medborgerskab/godkendt-workshop/">Godkendt workshop</a>', html)
    assert "Godkendt og udgivet" in html
    assert "En andens workshop" not in html
    assert '<a href="/mine-indsendelser/">Se alle dine 3 indsendelser</a>' in html


def test_newest_ideas_come_from_published_outcomes_only(client, tree, people):
    published = decide(
        submit(tree["ours"], people["kollega"], ideas=("Frivillighedsbørs", "Fælles spisning")),
        people["projektleder"],
        "approve",
    )
    submit(tree["ours"], people["kollega"], title="Venter stadig", ideas=("Hemmelig idé",))
    data, content = dashboard(client, people["medarbejder"])
    html = section(content, "ideas-heading")
    assert {idea.title for idea in data["ideas"].items} == {"Frivillighedsbørs", "Fælles spisning"}
    idea = Idea.objects.get(title="Fælles spisning")
    assert f'<a href="{published.url}#ide-{idea.pk}">Fælles spisning</a>' in html
    assert "Ny</span>" in html and "Fra “Idéer til frivillighed” i Aktivt medborgerskab" in html
    assert "Hemmelig idé" not in html


def test_replies_to_my_comments_by_others(client, tree, people):
    employee, colleague = people["medarbejder"], people["kollega"]
    article = NewsArticlePageFactory(parent=tree["news"], title="Om frivillighed", slug="om-frivillighed")
    mine = Comment.objects.create(page=article, author=employee, body="Hvem kan være med?")
    theirs = Comment.objects.create(page=article, author=colleague, body="Jeg vil gerne")
    reply = Comment.objects.create(page=article, author=colleague, parent=mine, body="Alle kan være med!")
    Comment.objects.create(page=article, author=employee, parent=mine, body="Mit eget svar")
    Comment.objects.create(page=article, author=colleague, parent=mine, body="Skjult svar", status="hidden")
    Comment.objects.create(page=article, author=employee, parent=theirs, body="Svar til en anden")
    data, content = dashboard(client, employee)
    assert [item.pk for item in data["replies"].items] == [reply.pk]
    html = section(content, "replies-heading")
    assert "Kim Kollega svarede" in html and "Alle kan være med!" in html
    assert f'<a href="/nyheder/om-frivillighed/#kommentar-{reply.pk}">Læs svaret på “Om frivillighed”</a>' in html
    for text in ("Mit eget svar", "Skjult svar", "Svar til en anden"):
        assert text not in html


# --- The review queue ---------------------------------------------------------------------
@pytest.fixture
def waiting(tree, people):
    """Two outcomes for the lead of "Aktivt medborgerskab", one for the other project, one reported comment."""
    submit(tree["ours"], people["medarbejder"], title="Første")
    submit(tree["ours"], people["kollega"], title="Anden")
    submit(tree["other"], people["medarbejder"], title="Tredje")
    article = NewsArticlePageFactory(parent=tree["news"], title="Debat")
    comment = Comment.objects.create(page=article, author=people["kollega"], body="Anmeldt")
    CommentReport.objects.create(comment=comment, reporter=people["medarbejder"])


@pytest.mark.parametrize(
    ("username", "outcomes", "comments"),
    [("projektleder", 2, None), ("projektleder2", 1, None), ("moderator", 3, 1), ("kommunikation", None, 1)],
)
def test_reviewers_see_how_much_waits_in_their_queue(client, waiting, people, username, outcomes, comments):
    user = people[username]
    data, content = dashboard(client, user)
    queue = data["review_queue"]
    assert (queue.counts.get("outcomes"), queue.counts.get("comments")) == (outcomes, comments)
    # The same number as the queue itself lists.
    if outcomes is not None:
        assert queue.counts["outcomes"] == len(workshop_services.outcomes_awaiting(user))
    html = section(content, "queue-heading")
    assert f"<strong>{(outcomes or 0) + (comments or 0)}</strong> sag" in html
    assert ("til godkendelse" in html) is (outcomes is not None)
    assert ("anmeldt kommentar" in html) is (comments is not None)
    assert '<a class="button button-secondary" href="/moderering/">Gå til moderering</a>' in html
    assert client.get("/moderering/").status_code == 200


def test_a_lead_with_nothing_waiting_is_told_so(client, tree, people):
    data, content = dashboard(client, people["projektleder"])
    assert data["review_queue"].total == 0
    assert "Intet venter på dig lige nu." in section(content, "queue-heading")


def test_a_submitter_does_not_review_their_own_outcome(client, tree, people):
    submit(tree["ours"], people["projektleder"], title="Lederens egen")
    data, _content = dashboard(client, people["projektleder"])
    assert data["review_queue"].counts["outcomes"] == 0
    data, _content = dashboard(client, people["moderator"])
    assert data["review_queue"].counts["outcomes"] == 1


def test_employees_get_no_queue(client, waiting, people):
    data, content = dashboard(client, people["medarbejder"])
    assert data["review_queue"] is None
    assert 'id="queue-heading"' not in content


# --- Constant queries -------------------------------------------------------------------------
class Data:
    """Grows every block's data for the employee, the lead and the moderator, in steps."""

    def __init__(self, tree, people):
        self.tree, self.people = tree, people
        self.article = NewsArticlePageFactory(parent=tree["news"], title="Debatten", slug="debatten")
        self.parents = {
            name: Comment.objects.create(page=self.article, author=people[name], body=f"{name} spørger")
            for name in ("medarbejder", "projektleder", "moderator")
        }
        self.idea_outcome = WorkshopOutcomePageFactory(parent=tree["other"], owner=people["kollega"])
        self.counts = {"articles": 0, "projects": 0, "submissions": 0, "ideas": 0, "replies": 0, "reports": 0}

    def grow_to(self, articles, projects, submissions, ideas, replies, reports):
        tree, people = self.tree, self.people
        departments = [DepartmentFactory(name="Jobcenter"), DepartmentFactory(name="Økonomi")]
        for n in range(self.counts["articles"], articles):
            # Every third article must be read and confirmed, every fifth is aimed at a department.
            NewsArticlePageFactory(
                parent=tree["news"],
                title=f"Nyhed {n}",
                date=datetime.date(2012, 1, 1),
                requires_confirmation=n % 3 == 1,
                target_departments=[departments[n % 2]] if n % 5 == 0 else [],
            )
        for n in range(self.counts["projects"], projects):
            # The lead leads them, the employee is on their team.
            project = ProjectPageFactory(parent=tree["projects"], title=f"Projekt {n}", lead=people["projektleder"])
            ProjectTeamMember.objects.create(page=project, user=people["medarbejder"])
        for n in range(self.counts["submissions"], submissions):
            # The employee's submissions wait in the lead's and the moderator's queue.
            submit(tree["ours"], people["medarbejder"], title=f"Workshop {n}")
        Idea.objects.bulk_create(
            Idea(outcome=self.idea_outcome, project=tree["other"], block_id=f"b{n}", title=f"Idé {n}", sort_order=n)
            for n in range(self.counts["ideas"], ideas)
        )
        for parent in self.parents.values():
            Comment.objects.bulk_create(
                Comment(page=self.article, author=people["kollega"], parent=parent, body=f"Svar {n}")
                for n in range(self.counts["replies"], replies)
            )
        reported = Comment.objects.bulk_create(
            Comment(page=self.article, author=people["kollega"], body=f"Anmeldt {n}")
            for n in range(self.counts["reports"], reports)
        )
        CommentReport.objects.bulk_create(CommentReport(comment=c, reporter=people["medarbejder"]) for c in reported)
        self.counts = {
            "articles": articles,
            "projects": projects,
            "submissions": submissions,
            "ideas": ideas,
            "replies": replies,
            "reports": reports,
        }


def count_queries(client, user):
    client.force_login(user)
    client.get("/")  # warm-up: caches of content types and site roots
    with CaptureQueriesContext(connection) as context:
        response = client.get("/")
    assert response.status_code == 200
    return len(context.captured_queries), response.context["dashboard"]


def follow_everything(people):
    """Each person follows every live project and news category (the "Det følger du" block)."""
    from news.models import NewsCategory
    from notifications import services as notification_services

    for name in ("medarbejder", "projektleder", "moderator"):
        for target in [*ProjectPage.objects.live(), *NewsCategory.objects.all()]:
            notification_services.follow(people[name], target)


ROLES = ("medarbejder", "forandringsagent", "projektleder", "moderator", "kommunikation")


def test_dashboard_queries_do_not_grow_with_the_data(client, tree, people, make_user, monkeypatch):
    monkeypatch.setattr(workshop_services, "MAX_SUBMISSIONS_PER_HOUR", 1000)  # 40 submissions in a minute here
    data = Data(tree, people)
    data.grow_to(articles=3, projects=1, submissions=2, ideas=5, replies=2, reports=1)
    follow_everything(people)
    people["forandringsagent"] = make_user("forandringsagent", roles.EMPLOYEES, roles.CHANGE_AGENTS)
    client.force_login(people["medarbejder"])
    client.get("/")  # the first view of a fresh site makes its settings row, which moves `pages`
    small = {name: count_queries(client, people[name]) for name in ROLES}
    assert small["medarbejder"][1]["submissions"].total == 2
    assert len(small["medarbejder"][1]["must_read"].items) == 1
    assert small["projektleder"][1]["review_queue"].counts["outcomes"] == 2

    data.grow_to(articles=60, projects=30, submissions=40, ideas=200, replies=50, reports=20)
    follow_everything(people)
    large = {name: count_queries(client, people[name]) for name in ROLES}
    print("dashboard queries per role:", {name: count for name, (count, _data) in large.items()})
    employee, lead, moderator = (large[name][1] for name in ("medarbejder", "projektleder", "moderator"))
    assert employee["submissions"].total == 40 and employee["projects"].has_more
    assert employee["replies"].has_more and employee["ideas"].has_more and employee["news"].has_more
    assert employee["must_read"].has_more
    assert lead["review_queue"].counts["outcomes"] == 40
    assert (moderator["review_queue"].counts["outcomes"], moderator["review_queue"].counts["comments"]) == (40, 20)
    assert [item.title for item in lead["projects"].items][:2] == ["Aktivt medborgerskab", "Projekt 0"]
    assert employee["followed"].total > 30 and employee["followed"].has_more

    for name in small:
        assert small[name][0] == large[name][0], name
        assert_within_budget(large[name][0], f"/ ({name})")
