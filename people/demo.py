"""The demo users every role is shown with (admin, kommunikation, moderator, projektleder, ...), their profiles
and the 20 change agents (invented names), loaded from ``people/fixtures/demo/people.json``.

A user's ``role`` in the file names a constant of ``people.roles`` (e.g. ``"PROJECT_LEADS"``), so the group
names live in one place.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core import demo_data

from . import roles
from .models import ChangeAgentDirectoryPage, Department, Profile


def ensure_user(username, password, *, first_name="", last_name="", groups=(), superuser=False, email=None):
    """Create or update one user so that running the seed twice changes nothing."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "email": email or f"{username}@intranet.ikast-brande.test",
            "is_staff": superuser,
            "is_superuser": superuser,
        },
    )
    if created or not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user, created


def fill_profile(user, departments, spec):
    profile, _created = Profile.objects.get_or_create(user=user)
    profile.job_title = spec["job_title"]
    profile.department = departments[spec["department"]]
    profile.phone = spec["phone"]
    profile.methods = spec["methods"]
    profile.save()
    profile.competencies.set(spec["competencies"])
    return profile


def seed(password, log):
    data = demo_data.load("people", "people")
    departments = {name: Department.objects.get_or_create(name=name)[0] for name in data["departments"]}
    users = {}
    for spec in data["users"]:
        username = spec["username"]
        groups = [getattr(roles, spec["role"])] if spec["role"] else []
        user, created = ensure_user(
            username,
            password,
            first_name=spec["first_name"],
            last_name=spec["last_name"],
            groups=groups,
            superuser=spec["superuser"],
        )
        users[username] = user
        if "profile" in spec:
            fill_profile(user, departments, spec["profile"])
        log(f"  bruger {username}: {'oprettet' if created else 'findes'}")
    agent_groups = [getattr(roles, data["change_agent_role"])]
    for spec in data["change_agents"]:
        user, _created = ensure_user(
            spec["username"], password, first_name=spec["first_name"], last_name=spec["last_name"], groups=agent_groups
        )
        fill_profile(user, departments, spec["profile"])
        users[spec["username"]] = user
    log(f"  {len(data['change_agents'])} forandringsagenter med profiler")
    return users


def seed_directory(home, log):
    """The change-agent directory page under the front page (once)."""
    directory = ChangeAgentDirectoryPage.objects.first()
    if directory is None:
        spec = demo_data.load("people", "people")["directory"]
        directory = home.add_child(instance=ChangeAgentDirectoryPage(show_in_menus=True, **spec))
        directory.save_revision().publish()
        log(f"  side oprettet: {directory.title}")
    return directory
