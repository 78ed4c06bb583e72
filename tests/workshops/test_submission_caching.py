"""A submitted outcome is a draft: what readers see stays cached, what shows drafts follows at once.

Each outcome an employee submits saves a page that is not live and starts a review. Moving the
``pages`` version for it would empty the menu, the routes and every page's cached parts for
everyone (core/invalidation.py); what shows drafts and reviews (the submitter's own list, the
reviewers' queues, who leads a project not yet published) follows other versions and must still
show the change at the next visit.
"""

import json

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core import versions
from core.invalidation import DRAFTS, PAGES
from people import roles
from tests.factories import ProjectPageFactory, StandardPageFactory
from workshops.models import WorkshopOutcomePage

from .conftest import form_data

pytestmark = pytest.mark.django_db


def visit(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        visit(client, url)
    return len(queries.captured_queries)


def queue_block(content):
    """The dashboard's "Til moderering" block, empty when it is not shown."""
    if "queue-heading" not in content:
        return ""
    return content.split("queue-heading", 1)[1].split("</section>", 1)[0]


def submissions_block(content):
    return content.split("submissions-heading", 1)[1].split("</section>", 1)[0]


def logged_in(user):
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def test_a_submission_leaves_pages_alone_and_shows_at_once_to_the_submitter_and_the_lead(project, people, make_user):
    submitter, lead = logged_in(people["medarbejder"]), logged_in(people["projektleder"])
    reader = logged_in(make_user("laeser", roles.EMPLOYEES))
    for client in (submitter, lead, reader):
        visit(client, "/")
    reader_dashboard = visit(reader, "/").context["dashboard_key"]
    visit(reader, project.url)
    kept_project_page = queries_of(reader, project.url)
    assert "Intet venter på dig" in queue_block(visit(lead, "/").content.decode())
    pages, drafts = versions._read(PAGES), versions._read(DRAFTS)

    data = form_data(people["forandringsagent"], title="Kladde om frivillighed")
    assert submitter.post(project.url + "indsend/", data).status_code == 302

    assert versions._read(PAGES) == pages, "a draft no reader can open must not empty the readers' caches"
    assert versions._read(DRAFTS) != drafts
    mine = submissions_block(visit(submitter, "/").content.decode())
    assert "Kladde om frivillighed" in mine and "Afventer godkendelse" in mine
    assert "1 workshopresultat til godkendelse" in queue_block(visit(lead, "/").content.decode())
    # Nothing a reader sees has changed: the project page is served from what was kept, and so is
    # her dashboard. Only the project's page object is fetched again (one query): the draft below it
    # changed its ``numchild`` (kept page objects follow ``drafts``, core/routing.py).
    assert queries_of(reader, project.url) == kept_project_page + 1
    assert queries_of(reader, project.url) == kept_project_page
    assert "Kladde om frivillighed" not in visit(reader, project.url).content.decode()
    assert visit(reader, "/").context["dashboard_key"] == reader_dashboard

    # Sent back with a comment: the submitter sees it at once; readers' caches still stand.
    page = WorkshopOutcomePage.objects.get()
    lead.post(
        f"/admin/pages/{page.pk}/edit/",
        {
            "action-workflow-action": "true",
            "workflow-action-name": "reject",
            "workflow-action-extra-data": json.dumps({"comment": "Hvor mange borgere deltog?"}),
        },
    )
    assert "Ændringer ønsket" in submissions_block(visit(submitter, "/").content.decode())
    assert "Intet venter på dig" in queue_block(visit(lead, "/").content.decode())

    # Resubmitted under a new title (a draft's fields are written to the page itself).
    page.refresh_from_db()
    data = form_data(people["forandringsagent"], title="Frivillighed, rettet", revision=str(page.latest_revision_id))
    data["ideas-0-block_id"] = page.ideas[0].id
    assert submitter.post(f"/mine-indsendelser/{page.pk}/rediger/", data).status_code == 302
    assert "Frivillighed, rettet" in submissions_block(visit(submitter, "/").content.decode())
    assert versions._read(PAGES) == pages

    # Approved: now it is published, and readers see it at once.
    lead.post(f"/admin/pages/{page.pk}/edit/", {"action-workflow-action": "true", "workflow-action-name": "approve"})
    assert WorkshopOutcomePage.objects.get().live
    assert versions._read(PAGES) != pages
    assert "Frivillighed, rettet" in visit(reader, project.url).content.decode()


def test_the_lead_of_a_project_not_yet_published_gets_a_review_queue_at_once(projects, people, make_user):
    newcomer = make_user("nyleder")
    client = logged_in(newcomer)
    assert queue_block(visit(client, "/").content.decode()) == ""
    index = projects["ours"].get_parent()
    ProjectPageFactory(parent=index, title="Kommende projekt", slug="kommende", live=False, lead=newcomer)
    assert "Intet venter på dig" in queue_block(visit(client, "/").content.decode())


def test_a_draft_with_pages_below_it_or_one_just_taken_offline_moves_pages(home_page, projects):
    project = projects["ours"]
    pages = versions._read(PAGES)
    project.live = False
    project.save()  # taken offline by a plain save, without Wagtail's unpublish
    assert versions._read(PAGES) != pages
    section = StandardPageFactory(parent=home_page, title="Afsnit", live=False)
    StandardPageFactory(parent=section, title="Under afsnittet")
    pages = versions._read(PAGES)
    section.refresh_from_db()
    section.title = "Omdøbt afsnit"
    section.save()  # the live page below shows this title in its breadcrumbs
    assert versions._read(PAGES) != pages


def test_a_submission_deleted_leaves_the_submitters_list_at_once(project, people):
    submitter = logged_in(people["medarbejder"])
    data = form_data(people["forandringsagent"], title="Kladde der slettes")
    assert submitter.post(project.url + "indsend/", data).status_code == 302
    assert "Kladde der slettes" in submissions_block(visit(submitter, "/").content.decode())
    WorkshopOutcomePage.objects.get().delete()
    assert "Kladde der slettes" not in submissions_block(visit(submitter, "/").content.decode())


def test_outcomes_submitted_one_after_another_under_a_kept_project_page_are_all_stored(project, people):
    """The project a submission is routed to is kept between requests (core/routing.py) and a draft
    does not move ``pages``, so the kept project's count of children is out of date; the new page's
    place in the tree must still come from the database (treebeard reads the parent afresh)."""
    submitter = logged_in(people["medarbejder"])
    visit(submitter, project.url)
    for title in ("Første workshop", "Anden workshop", "Tredje workshop"):
        assert (
            submitter.post(project.url + "indsend/", form_data(people["forandringsagent"], title=title)).status_code
            == 302
        )
    assert sorted(WorkshopOutcomePage.objects.values_list("title", flat=True)) == [
        "Anden workshop",
        "Første workshop",
        "Tredje workshop",
    ]


def test_a_submission_leaves_the_search_results_be_and_its_publication_empties_them(submit):
    """Search finds live pages only; every outcome submitted moved its results' generation before."""

    from search.cache import generation

    before = generation()
    page = submit(title="Kladde i søgningen")
    assert generation() == before
    page.save_revision().publish()
    assert generation() != before
