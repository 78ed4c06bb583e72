"""The dashboard as a reviewer sees it with something in every block, checked with axe-core."""

import datetime

import pytest

from comments.models import Comment, CommentReport
from projects.models import ProjectTeamMember

from ..factories import PASSWORD, NewsArticlePageFactory, NewsIndexPageFactory, ProjectPageFactory
from ..home.test_dashboard import decide, submit
from ..workshops.conftest import people, projects  # noqa: F401  (fixtures)
from .conftest import assert_accessible, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def full_dashboard(home_page, projects, people):  # noqa: F811
    """Data in every block for the lead of "Aktivt medborgerskab" (a reviewer)."""
    lead = people["projektleder"]
    news = NewsIndexPageFactory(parent=home_page)
    for day in (1, 2, 3):
        NewsArticlePageFactory(parent=news, title=f"Nyt fra Mental Frikommune {day}", date=datetime.date(2012, 1, day))
    ProjectTeamMember.objects.create(page=projects["other"], user=lead, role="Sparringspartner")
    # The lead's own submission under the other project, sent back with a comment.
    decide(
        submit(projects["other"], lead, title="Lederens workshop"), people["projektleder2"], "reject", "Mere om metoden"
    )
    # Published ideas, and one outcome waiting in the lead's queue.
    decide(
        submit(projects["ours"], people["medarbejder"], title="Frivillighed", ideas=("Frivillighedsbørs", "Nabohjælp")),
        lead,
        "approve",
    )
    submit(projects["ours"], people["forandringsagent"], title="Venter på lederen")
    # A reply to the lead's comment.
    article = NewsArticlePageFactory(parent=news, title="Debat om medborgerskab", slug="debat")
    question = Comment.objects.create(page=article, author=lead, body="Hvad synes I?")
    Comment.objects.create(page=article, author=people["medarbejder"], parent=question, body="Rigtig god idé!")
    reported = Comment.objects.create(page=article, author=people["medarbejder"], body="Anmeldt kommentar")
    CommentReport.objects.create(comment=reported, reporter=people["forandringsagent"])
    ProjectPageFactory(parent=projects["ours"].get_parent(), title="Ikke mit projekt")
    return lead


def test_a_reviewers_dashboard_has_every_block_and_is_accessible(page, full_dashboard):
    login(page, "projektleder", PASSWORD)
    page.goto("/")
    headings = page.get_by_role("heading", level=2).all_inner_texts()
    for heading in (
        "Til moderering",
        "Seneste nyheder",
        "Nyeste idéer",
        "Mine projekter",
        "Mine indsendelser",
        "Svar på dine kommentarer",
    ):
        assert heading in headings
    # Each block is a region named by its heading.
    for name in ("Mine projekter", "Mine indsendelser", "Svar på dine kommentarer"):
        assert page.get_by_role("region", name=name).count() == 1

    queue = page.get_by_role("region", name="Til moderering")
    assert "1 workshopresultat til godkendelse" in queue.inner_text()
    # A lead does not moderate comments: no count of them.
    assert "kommentar" not in queue.inner_text()
    projects_block = page.get_by_role("region", name="Mine projekter").inner_text()
    assert "Aktivt medborgerskab" in projects_block and "Sund hverdag" in projects_block
    assert "Ikke mit projekt" not in projects_block
    assert "Ændringer ønsket" in page.get_by_role("region", name="Mine indsendelser").inner_text()
    ideas = page.get_by_role("region", name="Nyeste idéer").inner_text()
    assert "Frivillighedsbørs" in ideas and "Nabohjælp" in ideas
    assert "Rigtig god idé!" in page.get_by_role("region", name="Svar på dine kommentarer").inner_text()
    assert_accessible(page)

    page.get_by_role("link", name="Læs svaret på “Debat om medborgerskab”").click()
    page.wait_for_url("**/nyheder/debat/#kommentar-*")
    page.go_back()
    page.get_by_role("link", name="Gå til moderering").click()
    page.wait_for_url("**/moderering/")
    assert "Venter på lederen" in page.content()
