"""What moves the versions the dashboard's cached blocks are kept under (``home.dashboard``).

Signals on the rows themselves, so a write from a service, the admin or a test counts alike:
a person's read confirmations, follows and event sign-ups move that person's version; any idea or
status move ``ideas``; workflow and task states move ``workflows`` (``core.invalidation``); team
memberships and profiles (departments) move
``content`` (``core.fragments``), as a project's team shows on several pages.
"""

from django.db.models.signals import post_delete, post_save

from core import fragments, versions
from events.models import Registration
from news.models import ReadConfirmation
from notifications.models import Follow
from people.models import Profile
from projects.models import ProjectTeamMember
from workshops.models import Idea, IdeaStatusChange

# Any idea made, removed or moved to another status (every move writes an IdeaStatusChange).
IDEAS = "ideas"


def confirmations_of(user_id):
    return f"confirmations:{user_id}"


def follows_of(user_id):
    return f"follows:{user_id}"


def registrations_of(user_id):
    return f"registrations:{user_id}"


def _confirmation_written(instance, **kwargs):
    versions.bump(confirmations_of(instance.user_id))


def _follow_written(instance, **kwargs):
    versions.bump(follows_of(instance.user_id))


def _registration_written(instance, **kwargs):
    versions.bump(registrations_of(instance.user_id))


def _idea_written(**kwargs):
    versions.bump(IDEAS)


def connect():
    for signal in (post_save, post_delete):
        name = "save" if signal is post_save else "delete"
        signal.connect(_confirmation_written, sender=ReadConfirmation, dispatch_uid=f"home_confirmations_{name}")
        signal.connect(_follow_written, sender=Follow, dispatch_uid=f"home_follows_{name}")
        signal.connect(_registration_written, sender=Registration, dispatch_uid=f"home_registrations_{name}")
        for model in (Idea, IdeaStatusChange):
            signal.connect(_idea_written, sender=model, dispatch_uid=f"home_ideas_{model.__name__}_{name}")
    # A person's department decides which news are aimed at her.
    fragments.connect(ProjectTeamMember, Profile)
