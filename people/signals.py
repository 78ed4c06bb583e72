from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver
from wagtail.search import index

from . import roles
from .models import Department, Profile, TaggedCompetence


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
