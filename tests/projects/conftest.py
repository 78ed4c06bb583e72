import pytest

from people import roles

from ..factories import ProjectIndexPageFactory, ProjectPageFactory, ThemeFactory


@pytest.fixture
def project_index(home_page):
    return ProjectIndexPageFactory(parent=home_page)


@pytest.fixture
def make_project(project_index):
    """Publish a project under the index; extra keyword arguments set its fields."""

    def make(title, **fields):
        project = ProjectPageFactory(parent=project_index, title=title, **fields)
        project.save_revision().publish()
        project.refresh_from_db()
        return project

    return make


@pytest.fixture
def lead(make_user, role_groups):
    return make_user("projektleder", first_name="Pernille", last_name="Lykkegaard")


@pytest.fixture
def other_lead(make_user, role_groups):
    return make_user("projektleder2", first_name="Peter", last_name="Holmgaard")


@pytest.fixture
def theme():
    return ThemeFactory(name="Medborgerskab og fællesskaber")


@pytest.fixture
def superuser(make_user, role_groups):
    return make_user("chef", roles.EMPLOYEES, is_superuser=True, is_staff=True)
