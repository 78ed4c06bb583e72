import pytest

from people import roles
from people.models import Profile

from ..factories import ChangeAgentDirectoryPageFactory, DepartmentFactory


@pytest.fixture
def directory(home_page):
    page = ChangeAgentDirectoryPageFactory(parent=home_page)
    page.save_revision().publish()
    return page


@pytest.fixture
def make_agent(make_user, role_groups):
    """A change agent with a filled-in profile."""

    def make(username, first_name, last_name, *, department="Børn og Unge", title="", competencies=(), methods=""):
        user = make_user(username, roles.CHANGE_AGENTS, first_name=first_name, last_name=last_name)
        Profile.objects.filter(user=user).update(
            department=DepartmentFactory(name=department), job_title=title, methods=methods
        )
        user.profile.refresh_from_db()
        user.profile.competencies.set(list(competencies))
        return user

    return make
