"""A project made private with Wagtail's privacy settings leaks through no list, file or search."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.models import PageViewRestriction

from projects.models import ProjectTeamMember
from workshops.models import OutcomeAttachment

pytestmark = pytest.mark.django_db

SECRET_PROJECT = "Sund hverdag"
SECRET_OUTCOME = "Hemmelig omstrukturering"
SECRET_IDEA = "Lukning af afdelingen"


@pytest.fixture
def private(projects, people, submit, home_page):
    """ "Sund hverdag" is visible to the group Ledelse only; the employee is on its team."""
    leaders = Group.objects.create(name="Ledelse")
    secret = projects["other"]
    restriction = PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([leaders])
    ProjectTeamMember.objects.create(page=secret, user=people["medarbejder"], role="Deltager")
    secret.save_revision().publish()
    outcome = submit(
        target=secret, title=SECRET_OUTCOME, ideas=[(SECRET_IDEA, "Fortroligt.")], user=people["kommunikation"]
    )
    task_state = outcome.current_workflow_task_state
    task_state.task.specific.on_action(task_state, people["moderator"], "approve")
    outcome.refresh_from_db()
    assert outcome.live
    attachment = OutcomeAttachment.objects.create(
        outcome=outcome, file=ContentFile(b"%PDF-1.4 fortroligt", name="plan.pdf"), original_name="plan.pdf", size=19
    )
    return {"leaders": leaders, "outcome": outcome, "attachment": attachment}


def seen_by(client, user, *urls):
    client.force_login(user)
    return "".join(client.get(url).content.decode() for url in urls)


LISTS = ["/", "/projekter/", "/personer/medarbejder/", "/soeg/?q=hverdag", "/soeg/?q=omstrukturering"]


def test_a_private_project_is_in_no_list_for_those_outside_its_group(client, private, people):
    content = seen_by(client, people["medarbejder"], *LISTS)
    for secret in (SECRET_PROJECT, SECRET_OUTCOME, SECRET_IDEA):
        assert secret not in content


def test_its_group_sees_it_in_the_lists(client, private, people):
    people["medarbejder"].groups.add(private["leaders"])
    content = seen_by(client, people["medarbejder"], *LISTS)
    for secret in (SECRET_PROJECT, SECRET_OUTCOME, SECRET_IDEA):
        assert secret in content


def test_attachments_of_a_private_outcome_are_refused_to_others(client, private, people):
    url = f"/workshopresultater/filer/{private['attachment'].pk}/"
    client.force_login(people["medarbejder"])
    assert client.get(url).status_code == 404
    people["medarbejder"].groups.add(private["leaders"])
    assert client.get(url).status_code == 200
