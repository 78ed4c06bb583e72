from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import ProjectLeadAccess


@receiver(post_delete, sender=ProjectLeadAccess, dispatch_uid="projects_delete_lead_group")
def delete_lead_group(sender, instance, **kwargs):
    """A deleted project takes its lead group (and with it the page permissions) along."""
    from django.contrib.auth.models import Group

    Group.objects.filter(pk=instance.group_id).delete()
