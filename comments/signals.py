"""Every write to a comment or a report moves on the comment version of its page (``core.fragments``).

Signals rather than calls in each service, so a save from the admin or a data migration counts
too; ``services._resolve_reports`` updates in bulk and moves the version itself.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core import fragments, versions

from .models import Comment, CommentReport


def comments_changed(*page_ids):
    versions.bump(fragments.ALL_COMMENTS, *(fragments.comments_of_page(page_id) for page_id in page_ids))


@receiver([post_save, post_delete], sender=Comment, dispatch_uid="comments_version_comment")
def comment_written(instance, **kwargs):
    comments_changed(instance.page_id)


@receiver([post_save, post_delete], sender=CommentReport, dispatch_uid="comments_version_report")
def report_written(instance, **kwargs):
    page_id = Comment.objects.filter(pk=instance.comment_id).values_list("page_id", flat=True).first()
    if page_id is not None:
        comments_changed(page_id)
