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
def comment_written(instance, signal=None, **kwargs):
    comments_changed(instance.page_id)
    # A reply (posted, edited, hidden, deleted) is on the dashboard of the one it answers; a comment
    # deleted takes its replies with it from its author's dashboard.
    answered = None
    if instance.parent_id is not None:
        answered = Comment.objects.filter(pk=instance.parent_id).values_list("author_id", flat=True).first()
    deleted_by = instance.author_id if signal is post_delete else None
    versions.bump(*(fragments.replies_to(user_id) for user_id in {answered, deleted_by} if user_id is not None))


@receiver([post_save, post_delete], sender=CommentReport, dispatch_uid="comments_version_report")
def report_written(instance, **kwargs):
    page_id = Comment.objects.filter(pk=instance.comment_id).values_list("page_id", flat=True).first()
    if page_id is not None:
        comments_changed(page_id)
