from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models.signals import post_save
from django.dispatch import receiver

from . import roles
from .models import Profile


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
