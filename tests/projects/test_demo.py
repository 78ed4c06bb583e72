"""seed_demo's projects and change agents, as the README's demo users promise them."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from people import roles
from people.models import ChangeAgentDirectoryPage, Profile
from projects.models import ProjectPage

pytestmark = pytest.mark.django_db


def seed():
    call_command("seed_demo", "--password", "demo", stdout=StringIO())


def test_demo_projects_have_their_leads_and_rights():
    seed()
    projects = {p.title: p for p in ProjectPage.objects.live()}
    assert len(projects) >= 3
    User = get_user_model()
    lead = User.objects.get(username="projektleder")
    lead2 = User.objects.get(username="projektleder2")
    active_citizenship = projects["Aktivt medborgerskab"]
    assert active_citizenship.lead == lead
    assert any(p.lead == lead2 for p in projects.values())
    assert active_citizenship.permissions_for_user(lead).can_publish()
    assert not active_citizenship.permissions_for_user(lead2).can_edit()
    assert all(p.theme and p.purpose for p in projects.values())


def test_twenty_change_agents_with_profiles_in_the_directory(client):
    seed()
    agents = get_user_model().objects.filter(groups__name=roles.CHANGE_AGENTS)
    assert agents.count() == 20
    assert agents.filter(username="forandringsagent").exists()
    profiles = Profile.objects.filter(user__in=agents)
    assert all(p.job_title and p.department_id and p.competencies.exists() for p in profiles)
    assert ChangeAgentDirectoryPage.objects.live().get().url == "/forandringsagenter/"
    client.force_login(get_user_model().objects.get(username="medarbejder"))
    assert "20 forandringsagenter fundet" in client.get("/forandringsagenter/").content.decode()


def test_seeding_twice_changes_nothing():
    seed()
    before = (ProjectPage.objects.count(), Profile.objects.count(), get_user_model().objects.count())
    seed()
    assert (ProjectPage.objects.count(), Profile.objects.count(), get_user_model().objects.count()) == before
