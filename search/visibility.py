"""What a reader may find: live pages outside the view restrictions their request does not pass.

Drafts, outcomes awaiting review and outcomes sent back are not live and never show; a page behind
a group or password restriction shows only to those who pass it (as Wagtail's own
``PageViewRestriction.accept_request`` decides), and so do its descendants.
"""

from core.privacy import hidden_paths


class Visibility:
    def __init__(self, request):
        self.request = request
        # The rule every list applies (core.privacy): restricted sections this request does not pass.
        self.hidden_paths = list(hidden_paths(request))

    def pages(self, model):
        """The live pages of ``model`` this request may see."""
        pages = model.objects.live()
        for path in self.hidden_paths:
            pages = pages.exclude(path__startswith=path)
        return pages

    def cache_key_parts(self):
        """What makes two readers' results differ: the restricted sections hidden from them."""
        return list(self.hidden_paths)
