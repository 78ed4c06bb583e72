from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.search import index

from core import versions

from . import roles
from .models import PEOPLE_VERSION, Department, Profile, TaggedCompetence


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="people_new_user_is_employee")
def new_user_joins_employees(sender, instance, created, raw=False, **kwargs):
    """Every new account is an employee: nobody has to remember to add the group by hand."""
    if created and not raw:
        group, _created = Group.objects.get_or_create(name=roles.EMPLOYEES)
        instance.groups.add(group)


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="people_new_user_gets_profile")
def new_user_gets_profile(sender, instance, created, raw=False, **kwargs):
    """Every account has a profile from the start, so pages can rely on ``user.profile``."""
    if created and not raw:
        Profile.objects.get_or_create(user=instance)


# The search index of a profile holds the person's name, department and competences, which are
# saved apart from the profile itself; these keep the site search (/soeg/) up to date.
@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="people_reindex_profile_on_user_change")
def reindex_profile_on_user_change(sender, instance, created, raw=False, **kwargs):
    if not created and not raw:
        for profile in Profile.objects.filter(user=instance):
            index.insert_or_update_object(profile)


@receiver(m2m_changed, sender=TaggedCompetence, dispatch_uid="people_reindex_profile_on_competences")
def reindex_profile_on_competences(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, Profile):
        index.insert_or_update_object(instance)


@receiver(post_save, sender=Department, dispatch_uid="people_reindex_profiles_on_department")
def reindex_profiles_on_department(sender, instance, raw=False, **kwargs):
    if not raw:
        for profile in Profile.objects.filter(department=instance).select_related("user", "department"):
            index.insert_or_update_object(profile)


# What pages keep about people (cards, names, photos) is kept under PEOPLE_VERSION: every change moves it.
def people_changed(sender, update_fields=None, raw=False, **kwargs):
    if raw or (update_fields is not None and set(update_fields) <= {"last_login"}):
        return  # every login saves the user; nothing shown changed
    versions.bump(PEOPLE_VERSION)


def membership_changed(sender, action, **kwargs):
    """Joining or leaving a role (the change agents) changes who the directory lists."""
    if action in ("post_add", "post_remove", "post_clear"):
        versions.bump(PEOPLE_VERSION)


def competences_changed(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        versions.bump(PEOPLE_VERSION)


def connect_people_version():
    for model in (settings.AUTH_USER_MODEL, Profile, Department, TaggedCompetence, get_image_model()):
        label = model if isinstance(model, str) else model._meta.label
        post_save.connect(people_changed, sender=model, dispatch_uid=f"people_version_save_{label}")
        post_delete.connect(people_changed, sender=model, dispatch_uid=f"people_version_delete_{label}")
    m2m_changed.connect(competences_changed, sender=TaggedCompetence, dispatch_uid="people_version_competences")
    m2m_changed.connect(
        membership_changed, sender=get_user_model().groups.through, dispatch_uid="people_version_memberships"
    )
