import pytest
from django.contrib.auth.models import Group

from people import roles

pytestmark = pytest.mark.django_db


def test_role_groups_exist_from_the_data_migration():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ALL)


@pytest.mark.parametrize(
    ("role", "reaches_admin"),
    [
        (roles.EMPLOYEES, False),
        (roles.CHANGE_AGENTS, False),
        (roles.PROJECT_LEADS, True),
        (roles.COMMUNICATIONS, True),
        (roles.MODERATORS, True),
    ],
)
def test_only_admin_roles_reach_the_wagtail_admin(client, make_user, role, reaches_admin):
    user = make_user(None, role)
    assert user.has_perm("wagtailadmin.access_admin") is reaches_admin
    client.force_login(user)
    response = client.get("/admin/")
    if reaches_admin:
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert "/admin/" not in response["Location"] or "login" in response["Location"]


def test_superuser_reaches_the_admin(client, make_user):
    client.force_login(make_user("chef", is_superuser=True))
    assert client.get("/admin/").status_code == 200


def test_editor_roles_may_add_images_and_documents(make_user):
    lead = make_user(None, roles.PROJECT_LEADS)
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    permission_policy = policy_registry.get_by_type(get_image_model())
    assert permission_policy.user_has_permission(lead, "add")
    employee = make_user(None)
    assert not permission_policy.user_has_permission(employee, "add")


def test_every_new_user_joins_employees(make_user):
    user = make_user("ny")
    assert list(user.groups.values_list("name", flat=True)) == [roles.EMPLOYEES]


def test_has_role_reads_groups_once(make_user, django_assert_num_queries):
    user = make_user(None, roles.MODERATORS)
    with django_assert_num_queries(1):
        assert roles.has_role(user, roles.MODERATORS)
        assert not roles.has_role(user, roles.PROJECT_LEADS)


def test_wagtails_default_groups_are_gone_after_migrating():
    """Wagtail's "Editors" and "Moderators" held page rights on the whole tree (people 0005 removes them)."""
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_the_removal_takes_the_groups_rights_with_them():
    from importlib import import_module

    from django.apps import apps
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupPagePermission, Page

    editors = Group.objects.create(name="Editors")
    GroupPagePermission.objects.create(
        group=editors, page=Page.get_first_root_node(), permission=Permission.objects.get(codename="publish_page")
    )
    import_module("people.migrations.0005_remove_wagtail_default_groups").remove_default_groups(apps, None)
    assert not Group.objects.filter(name="Editors").exists()
    assert not GroupPagePermission.objects.filter(group__name="Editors").exists()
