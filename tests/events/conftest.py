import pytest

from people import roles

from ..factories import EventIndexPageFactory, EventPageFactory, ProjectIndexPageFactory, ProjectPageFactory


@pytest.fixture
def calendar_page(home_page, role_groups):
    return EventIndexPageFactory(parent=home_page, show_in_menus=True)


@pytest.fixture
def project(home_page, role_groups):
    index = ProjectIndexPageFactory(parent=home_page)
    project = ProjectPageFactory(parent=index, title="Aktivt medborgerskab", slug="aktivt-medborgerskab")
    project.save_revision().publish()
    project.refresh_from_db()
    return project


@pytest.fixture
def staff(make_user, role_groups):
    return {
        "medarbejder": make_user("medarbejder", roles.EMPLOYEES, first_name="Mads", last_name="Bundgaard"),
        "forandringsagent": make_user(
            "forandringsagent", roles.EMPLOYEES, roles.CHANGE_AGENTS, first_name="Frida", last_name="Agerskov"
        ),
        "projektleder": make_user("projektleder", roles.EMPLOYEES, roles.PROJECT_LEADS, first_name="Pernille"),
        "kommunikation": make_user("kommunikation", roles.EMPLOYEES, roles.COMMUNICATIONS, first_name="Kasper"),
        "moderator": make_user("moderator", roles.EMPLOYEES, roles.MODERATORS, first_name="Mette"),
    }


@pytest.fixture
def event(calendar_page, project, staff):
    return EventPageFactory(
        parent=calendar_page,
        title="Idéworkshop om frivillighed",
        slug="ideworkshop-om-frivillighed",
        capacity=2,
        project=project,
        facilitators=[staff["forandringsagent"]],
    )
