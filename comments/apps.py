from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    """Employee comments on any Wagtail page that opts in, and their moderation.

    Knows nothing of the other apps: a page class opts in with ``CommentablePageMixin``.
    """

    name = "comments"
    verbose_name = _("Kommentarer")

    def ready(self):
        from . import signals  # noqa: F401
