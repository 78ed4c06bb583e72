"""The page mixin that opts a page type in to comments, with its request handling.

Page models import this module (as Wagtail's ``FormMixin`` keeps its form handling with the page);
it imports the handling, which never imports it back.
"""

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .constants import ACTION_FIELD
from .handling import build_thread, handle_comment_post, thread_cache_key


class CommentablePageMixin(models.Model):
    """Opt a Wagtail page type in to employee comments.

    Usage, in two steps:

    1. Put the mixin FIRST in the page class's bases and make a migration for your app
       (it adds the ``comments_open`` switch, so editors can close a discussion)::

           class ProjectPage(CommentablePageMixin, RoutablePageMixin, BasePage):
               settings_panels = BasePage.settings_panels + CommentablePageMixin.comment_panels

    2. Show the thread in the page's template: ``{% include "comments/thread.html" %}``.

    Comment forms POST to the page's own URL with a hidden ``comment_action`` field;
    ``serve`` hands those requests to ``comments.handling.handle_comment_post`` (post/redirect/get
    on success; on bad input the page is rendered again with the error next to the field
    and the user's text kept). Other POSTs (a routable page's own forms) pass through.
    Pages whose class does not include the mixin never accept comments.
    """

    comments_open = models.BooleanField(
        _("åben for kommentarer"),
        default=True,
        help_text=_("Fjern fluebenet for at lukke for nye kommentarer. Eksisterende kommentarer vises stadig."),
    )

    comment_panels = [FieldPanel("comments_open")]

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        if request.method == "POST" and ACTION_FIELD in request.POST and self._is_main_route(request):

            def render_page():
                return super(CommentablePageMixin, self).serve(request, *args, **kwargs)

            return handle_comment_post(self, request, render_page)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Built only when the thread's cached fragment is missing (``thread_cache_key``).
        context["comment_thread"] = SimpleLazyObject(lambda: build_thread(self, request))
        context["comment_thread_key"] = thread_cache_key(self, request)
        return context

    @staticmethod
    def _is_main_route(request):
        """A routable page's sub-routes (``indsend/``...) keep their own POST handling."""
        match = getattr(request, "routable_resolver_match", None)
        return match is None or match.url_name == "index_route"
