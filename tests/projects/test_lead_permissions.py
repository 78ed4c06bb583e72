"""A lead keeps their own project, and only it: through Wagtail's permission API and the admin's HTTP answers."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission

from people import roles
from projects.models import ProjectLeadAccess, ProjectPage

from ..factories import NewsIndexPageFactory, StandardPageFactory
from .admin_forms import project_form_data

pytestmark = pytest.mark.django_db


def fresh(user):
    """Wagtail caches page permissions on the user object; a new object sees the current state."""
    return get_user_model().objects.get(pk=user.pk)


def can_edit(user, page):
    return page.permissions_for_user(fresh(user)).can_edit()


def can_publish(user, page):
    return page.permissions_for_user(fresh(user)).can_publish()


@pytest.fixture
def projects(make_project, lead, other_lead):
    own = make_project("Aktivt medborgerskab", lead=lead)
    other = make_project("Sundhed i hverdagen", lead=other_lead)
    return own, other


@pytest.fixture
def outcome(projects):
    """A page under the lead's project (workshop outcomes live there)."""
    page = StandardPageFactory(parent=projects[0], title="Workshop i Brande")
    page.save_revision().publish()
    return page


@pytest.fixture
def news_page(home_page):
    return NewsIndexPageFactory(parent=home_page)


# --- Wagtail's permission API ---------------------------------------------------------
def test_setting_a_lead_gives_edit_and_publish_on_the_project_and_below(projects, outcome, lead):
    own, _other = projects
    assert can_edit(lead, own) and can_publish(lead, own)
    assert can_edit(lead, outcome) and can_publish(lead, outcome)


def test_a_lead_may_not_edit_another_project(projects, lead, other_lead):
    own, other = projects
    assert not can_edit(lead, other) and not can_publish(lead, other)
    assert not can_edit(other_lead, own) and not can_publish(other_lead, own)


def test_a_lead_may_not_edit_the_project_index_news_or_front_page(projects, project_index, news_page, home_page, lead):
    for page in (project_index, news_page, home_page):
        perms = page.permissions_for_user(fresh(lead))
        assert not perms.can_edit(), page
        assert not perms.can_publish(), page
        assert not perms.can_add_subpage(), page


def test_an_employee_without_a_project_may_edit_nothing(projects, make_user):
    employee = make_user("medarbejder")
    assert not can_edit(employee, projects[0])


def test_a_new_lead_joins_the_lead_role_and_reaches_the_admin(projects, make_user, client):
    newcomer = make_user("nylead")
    assert not fresh(newcomer).has_perm("wagtailadmin.access_admin")
    own, _other = projects
    own.lead = newcomer
    own.save_revision().publish()
    assert roles.PROJECT_LEADS in set(fresh(newcomer).groups.values_list("name", flat=True))
    client.force_login(newcomer)
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200


def test_changing_the_lead_moves_the_rights(projects, outcome, lead, make_user):
    own, _other = projects
    successor = make_user("efterfoelger")
    own.lead = successor
    own.save_revision().publish()

    assert can_edit(successor, own) and can_publish(successor, own) and can_edit(successor, outcome)
    assert not can_edit(lead, own) and not can_publish(lead, own) and not can_edit(lead, outcome)
    # The former lead leads nothing now, so they also leave the lead role (and the admin).
    assert not fresh(lead).groups.filter(name=roles.PROJECT_LEADS).exists()
    assert not fresh(lead).has_perm("wagtailadmin.access_admin")


def test_a_former_lead_who_leads_another_project_keeps_the_role(projects, make_project, lead, make_user):
    own, _other = projects
    make_project("Digital selvhjulpenhed", lead=lead)
    own.lead = make_user("efterfoelger")
    own.save_revision().publish()
    assert fresh(lead).groups.filter(name=roles.PROJECT_LEADS).exists()
    assert not can_edit(lead, own)


def test_removing_the_lead_leaves_nobody_with_rights(projects, lead):
    own, _other = projects
    own.lead = None
    own.save_revision().publish()
    assert not can_edit(lead, own)
    assert own.lead_access.group.user_set.count() == 0


def test_a_lead_change_in_a_draft_takes_effect_when_published(projects, lead, make_user):
    own, _other = projects
    successor = make_user("efterfoelger")
    own.lead = successor
    own.save_revision()  # draft only: the live page still names the old lead
    assert can_edit(lead, own) and not can_edit(successor, own)
    own.get_latest_revision().publish()
    assert can_edit(successor, own) and not can_edit(lead, own)


def test_each_project_has_one_group_with_exactly_its_page_permissions(projects):
    own, _other = projects
    group = own.lead_access.group
    perms = GroupPagePermission.objects.filter(group=group)
    assert {(p.page_id, p.permission.codename) for p in perms} == {
        (own.pk, "change_page"),
        (own.pk, "publish_page"),
    }
    assert own.title in group.name


def test_renaming_a_project_renames_its_group(projects):
    own, _other = projects
    own.title = "Aktivt medborgerskab i Brande"
    own.save_revision().publish()
    assert "Aktivt medborgerskab i Brande" in ProjectLeadAccess.objects.get(project=own).group.name


def test_deleting_a_project_deletes_its_group(projects):
    own, _other = projects
    group_id = own.lead_access.group_id
    own.delete()
    assert not Group.objects.filter(pk=group_id).exists()


# --- The admin's HTTP answers -----------------------------------------------------------
def test_lead_opens_own_project_in_the_admin_but_not_others(client, projects, project_index, news_page, lead):
    own, other = projects
    client.force_login(lead)
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    for page in (other, project_index, news_page):
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 302, page
        assert response["Location"] == "/admin/"
    assert client.get(f"/admin/pages/{project_index.pk}/add_subpage/").status_code == 302


def test_lead_publishes_own_project_from_the_admin(client, projects, lead):
    own, _other = projects
    client.force_login(lead)
    response = client.post(
        f"/admin/pages/{own.pk}/edit/", project_form_data(own, status="afsluttet", purpose="Nyt formål")
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.live and own.status == "afsluttet" and own.purpose == "Nyt formål"


def test_lead_cannot_delete_own_project(client, projects, lead, superuser):
    own, _other = projects
    client.force_login(lead)
    response = client.post(f"/admin/pages/{own.pk}/delete/")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert ProjectPage.objects.filter(pk=own.pk).exists()
    client.force_login(superuser)
    client.post(f"/admin/pages/{own.pk}/delete/")
    assert not ProjectPage.objects.filter(pk=own.pk).exists()


def test_lead_cannot_publish_another_project_by_posting(client, projects, lead):
    _own, other = projects
    client.force_login(lead)
    response = client.post(f"/admin/pages/{other.pk}/edit/", project_form_data(other, purpose="Overtaget"))
    assert response.status_code == 302 and response["Location"] == "/admin/"
    other.refresh_from_db()
    assert other.purpose != "Overtaget"
    assert other.get_latest_revision().as_object().purpose != "Overtaget"


def test_lead_cannot_hand_the_project_to_someone_else(client, projects, lead, other_lead):
    own, _other = projects
    client.force_login(lead)
    form = client.get(f"/admin/pages/{own.pk}/edit/").content.decode()
    assert 'name="lead"' not in form
    response = client.post(f"/admin/pages/{own.pk}/edit/", project_form_data(own, lead=other_lead.pk))
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.lead_id == lead.pk
    assert not can_edit(other_lead, own)


def test_an_admin_changes_the_lead_in_the_admin_and_the_rights_follow(client, projects, superuser, lead, other_lead):
    own, other = projects
    client.force_login(superuser)
    response = client.post(f"/admin/pages/{own.pk}/edit/", project_form_data(own, lead=other_lead.pk))
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.lead_id == other_lead.pk

    client.force_login(lead)
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 302
    client.force_login(other_lead)
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{other.pk}/edit/").status_code == 200


def test_the_project_page_is_a_project_page(projects):
    assert isinstance(projects[0].specific, ProjectPage)
