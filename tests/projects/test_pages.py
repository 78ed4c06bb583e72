"""Page-tree rules, the admin's create form, and what the project pages show."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from projects.models import ProjectIndexPage, ProjectPage, ProjectStatus, ProjectTeamMember

from ..factories import HomePageFactory, ProjectIndexPageFactory, ProjectPageFactory, ThemeFactory, UserFactory


class ProjectTreeRules(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = HomePageFactory(parent=root)
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": cls.home}
        )
        cls.index = ProjectIndexPageFactory(parent=cls.home)
        cls.theme = ThemeFactory(name="Sundhed og trivsel")
        cls.lead = UserFactory(username="leder", first_name="Lis", last_name="Leder")
        cls.member = UserFactory(username="medlem", first_name="Mads", last_name="Medlem")
        cls.project = ProjectPageFactory(parent=cls.index, title="Sundhed i hverdagen", theme=cls.theme, lead=cls.lead)
        cls.admin = UserFactory(username="chef", is_superuser=True, is_staff=True)

    def setUp(self):
        self.client.force_login(self.admin)

    def test_the_project_index_lives_once_under_the_front_page(self):
        self.assertAllowedParentPageTypes(ProjectIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ProjectIndexPage, {ProjectPage})
        assert not ProjectIndexPage.can_create_at(self.home)  # max_count = 1, and one exists

    def test_projects_live_only_in_the_project_index_and_hold_workshop_outcomes(self):
        from workshops.models import WorkshopOutcomePage

        self.assertAllowedParentPageTypes(ProjectPage, {ProjectIndexPage})
        self.assertAllowedSubpageTypes(ProjectPage, {WorkshopOutcomePage})
        self.assertCanNotCreateAt(HomePage, ProjectPage)
        self.assertCanNotCreateAt(StandardPage, ProjectPage)

    def test_the_project_page_is_routable(self):
        self.project.save_revision().publish()
        self.assertPageIsRoutable(self.project)

    def test_an_administrator_creates_a_project_with_every_field(self):
        self.assertCanCreate(
            self.index,
            ProjectPage,
            nested_form_data(
                {
                    "title": "Unge i job",
                    "slug": "unge-i-job",
                    "introduction": "Nye veje til job for unge.",
                    "theme": self.theme.pk,
                    "status": ProjectStatus.ACTIVE,
                    "lead": self.lead.pk,
                    "start_date": "2012-01-09",
                    "end_date": "2012-12-31",
                    "purpose": "Flere unge i job.",
                    "body": streamfield([("paragraph", rich_text("<p>Om projektet.</p>"))]),
                    "team_members": inline_formset([{"user": self.member.pk, "role": "Jobkonsulent"}]),
                    "contact_name": "Lis Leder",
                    "contact_email": "lis@ikast-brande.test",
                    "contact_phone": "9960 1030",
                    "comments": inline_formset([]),
                }
            ),
        )
        created = ProjectPage.objects.get(slug="unge-i-job")
        assert created.lead == self.lead
        assert [m.user for m in created.team_members.all()] == [self.member]
        # Creating the project already gives its lead the rights.
        assert created.permissions_for_user(get_user_model().objects.get(pk=self.lead.pk)).can_edit()

    def project_post(self, **changes):
        from .admin_forms import project_form_data

        return self.client.post(f"/admin/pages/{self.project.pk}/edit/", project_form_data(self.project, **changes))

    def test_an_end_date_before_the_start_date_is_refused_next_to_the_field(self):
        response = self.project_post(start_date="2012-05-01", end_date="2012-04-01", purpose="Ændret")
        assert response.status_code == 200
        assert "Slutdatoen kan ikke ligge før startdatoen." in response.content.decode()
        self.project.refresh_from_db()
        assert self.project.purpose != "Ændret"

    def test_the_same_person_twice_in_the_team_is_refused(self):
        response = self.project_post(team=[(self.member, ""), (self.member, "Igen")])
        assert response.status_code == 200
        assert "Personen står allerede i projektgruppen." in response.content.decode()
        assert not ProjectTeamMember.objects.filter(page=self.project).exists()


# --- What readers see -----------------------------------------------------------------------


@pytest.fixture
def reader(client, make_user):
    client.force_login(make_user("laeser"))
    return client


@pytest.mark.django_db
def test_index_lists_projects_with_status_theme_and_lead(reader, make_project, lead, theme):
    make_project("Aktivt medborgerskab", lead=lead, theme=theme, status=ProjectStatus.ACTIVE)
    html = reader.get("/projekter/").content.decode()
    assert "Aktivt medborgerskab" in html
    assert "I gang" in html
    assert "Medborgerskab og fællesskaber" in html
    assert "Pernille Lykkegaard" in html


@pytest.mark.django_db
def test_index_filters_by_status_and_theme(reader, make_project, theme):
    other_theme = ThemeFactory(name="Digital velfærd")
    make_project("Idé om borgerbudget", theme=theme, status=ProjectStatus.IDEA)
    make_project("Frivillige i ældreplejen", theme=theme, status=ProjectStatus.ACTIVE)
    make_project("Skærmbesøg", theme=other_theme, status=ProjectStatus.ACTIVE)

    by_status = reader.get("/projekter/?status=i-gang").content.decode()
    assert "Frivillige i ældreplejen" in by_status and "Skærmbesøg" in by_status
    assert "Idé om borgerbudget" not in by_status

    by_theme = reader.get(f"/projekter/?tema={other_theme.slug}").content.decode()
    assert "Skærmbesøg" in by_theme and "Frivillige i ældreplejen" not in by_theme

    both = reader.get(f"/projekter/?status=i-gang&tema={theme.slug}").content.decode()
    assert "Frivillige i ældreplejen" in both
    assert "Skærmbesøg" not in both and "Idé om borgerbudget" not in both


@pytest.mark.django_db
def test_index_explains_an_unknown_filter_value_and_shows_all(reader, make_project):
    make_project("Aktivt medborgerskab")
    response = reader.get("/projekter/?status=ukendt")
    assert response.status_code == 200
    html = response.content.decode()
    assert "form-error-message" in html
    assert "Aktivt medborgerskab" in html


@pytest.mark.django_db
def test_index_hides_unpublished_projects(reader, project_index):
    ProjectPageFactory(parent=project_index, title="Hemmeligt udkast", live=False)
    assert "Hemmeligt udkast" not in reader.get("/projekter/").content.decode()


@pytest.mark.django_db
def test_project_page_shows_lead_and_team_with_profile_links(reader, make_project, lead, make_user, theme):
    member = make_user("tmedlem", first_name="Tove", last_name="Medlem")
    project = make_project(
        "Aktivt medborgerskab",
        lead=lead,
        theme=theme,
        purpose="Borgerne som medspillere.",
        start_date=datetime.date(2012, 1, 9),
        contact_email="kontakt@ikast-brande.test",
    )
    ProjectTeamMember.objects.create(page=project, user=member, role="Facilitator")
    html = reader.get(project.url).content.decode()
    assert 'href="/personer/projektleder/"' in html and "Pernille Lykkegaard" in html
    assert 'href="/personer/tmedlem/"' in html and "Tove Medlem" in html and "Facilitator" in html
    assert "Borgerne som medspillere." in html
    assert "9. januar 2012" in html
    assert "kontakt@ikast-brande.test" in html


@pytest.mark.django_db
def test_project_page_lists_news_that_link_to_it(reader, make_project, home_page):
    from ..factories import NewsArticlePageFactory, NewsIndexPageFactory

    project = make_project("Aktivt medborgerskab")
    other = make_project("Sundhed i hverdagen")
    news_index = NewsIndexPageFactory(parent=home_page)
    NewsArticlePageFactory(parent=news_index, title="Workshop om medborgerskab", related_project=project)
    NewsArticlePageFactory(parent=news_index, title="Sund hverdag", related_project=other)
    NewsArticlePageFactory(parent=news_index, title="Udkast om medborgerskab", related_project=project, live=False)
    html = reader.get(project.url).content.decode()
    assert "Workshop om medborgerskab" in html
    assert "Sund hverdag" not in html
    assert "Udkast om medborgerskab" not in html


@pytest.mark.django_db
def test_profile_page_shows_the_persons_projects(reader, make_project, lead, make_user):
    member = make_user("tmedlem")
    led = make_project("Aktivt medborgerskab", lead=lead)
    joined = make_project("Sundhed i hverdagen")
    ProjectTeamMember.objects.create(page=joined, user=lead)
    ProjectTeamMember.objects.create(page=led, user=member)
    make_project("Digital selvhjulpenhed")

    html = reader.get("/personer/projektleder/").content.decode()
    assert "Aktivt medborgerskab" in html and "Sundhed i hverdagen" in html
    assert "Digital selvhjulpenhed" not in html
    member_html = reader.get("/personer/tmedlem/").content.decode()
    assert "Aktivt medborgerskab" in member_html and "Sundhed i hverdagen" not in member_html
