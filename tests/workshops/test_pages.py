import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from projects.models import ProjectIndexPage, ProjectPage
from workshops.models import Idea, WorkshopOutcomePage

from ..factories import WorkshopOutcomePageFactory

pytestmark = pytest.mark.django_db


class TestOutcomePageType(WagtailPageTestCase):
    def test_outcomes_hang_under_projects_only(self):
        self.assertAllowedParentPageTypes(WorkshopOutcomePage, {ProjectPage})
        self.assertAllowedSubpageTypes(WorkshopOutcomePage, {})
        self.assertCanNotCreateAt(HomePage, WorkshopOutcomePage)
        self.assertCanNotCreateAt(ProjectIndexPage, WorkshopOutcomePage)
        self.assertCanCreateAt(ProjectPage, WorkshopOutcomePage)


def test_published_outcome_is_routable_found_by_search_and_listed_on_its_project(client, project, people):
    outcome = WorkshopOutcomePageFactory(parent=project, title="Cykelværksted for unge", summary="Reparation")
    outcome.save_revision().publish()
    client.force_login(people["medarbejder"])
    assert client.get(outcome.url).status_code == 200
    assert "Cykelværksted for unge" in client.get("/soeg/?q=cykelværksted").content.decode()
    assert "Cykelværksted for unge" in client.get(project.url).content.decode()
    assert Idea.objects.filter(outcome=outcome).count() == 1


def test_the_submission_route_cannot_be_shadowed_by_an_outcome_slug(submit):
    page = submit(title="Indsend")
    assert page.slug != "indsend"
    assert Page.objects.filter(slug="indsend").count() == 0
