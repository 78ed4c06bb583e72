from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core import versions

from .models import THEMES_VERSION, ProjectLeadAccess, ProjectPage, Theme
from .services import sync_lead_access


@receiver(post_save, sender=ProjectPage, dispatch_uid="projects_sync_lead_access")
def lead_takes_over(sender, instance, raw=False, update_fields=None, **kwargs):
    """A saved project gives its edit and publish rights to its current lead.

    Revision saves only touch bookkeeping fields; a full save (create, publish) may bring a new lead.
    """
    if raw:
        return
    if update_fields is None or {"lead", "lead_id", "title"} & set(update_fields):
        sync_lead_access(instance)


@receiver(post_delete, sender=ProjectLeadAccess, dispatch_uid="projects_delete_lead_group")
def delete_lead_group(sender, instance, **kwargs):
    """A deleted project takes its lead group (and with it the page permissions) along."""
    Group.objects.filter(pk=instance.group_id).delete()


@receiver(post_save, sender=Theme, dispatch_uid="projects_theme_saved")
@receiver(post_delete, sender=Theme, dispatch_uid="projects_theme_deleted")
def theme_changed(sender, raw=False, **kwargs):
    """Project pages keep their theme's name (``ProjectPage.cached_parts``): a renamed theme shows at once."""
    if not raw:
        versions.bump(THEMES_VERSION)
