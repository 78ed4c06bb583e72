"""Demo users of the contract in DESIGN.md, with invented names."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from . import roles

# username, first name, last name, role group (None: employees only), superuser
DEMO_USERS = [
    ("admin", "Anne", "Administrator", None, True),
    ("kommunikation", "Kasper", "Kjærgaard", roles.COMMUNICATIONS, False),
    ("moderator", "Mette", "Mortensen", roles.MODERATORS, False),
    ("projektleder", "Pernille", "Lykkegaard", roles.PROJECT_LEADS, False),
    ("projektleder2", "Peter", "Holmgaard", roles.PROJECT_LEADS, False),
    ("forandringsagent", "Frida", "Agerskov", roles.CHANGE_AGENTS, False),
    ("medarbejder", "Mads", "Bundgaard", None, False),
]


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


def seed(password, log):
    users = {}
    for username, first, last, role, superuser in DEMO_USERS:
        groups = [role] if role else []
        user, created = ensure_user(
            username, password, first_name=first, last_name=last, groups=groups, superuser=superuser
        )
        users[username] = user
        log(f"  bruger {username}: {'oprettet' if created else 'findes'}")
    return users
