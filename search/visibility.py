"""What a reader may find: live pages outside the view restrictions their request does not pass.

Drafts, outcomes awaiting review and outcomes sent back are not live and never show; a page behind
a group or password restriction shows only to those who pass it (as Wagtail's own
``PageViewRestriction.accept_request`` decides), and so do its descendants.
"""

from wagtail.models import PageViewRestriction


class Visibility:
    def __init__(self, request):
        self.request = request
        self.hidden_paths = sorted(
            restriction.page.path
            for restriction in PageViewRestriction.objects.select_related("page")
            if not restriction.accept_request(request)
        )

    def pages(self, model):
        """The live pages of ``model`` this request may see."""
        pages = model.objects.live()
        for path in self.hidden_paths:
            pages = pages.exclude(path__startswith=path)
        return pages

    def cache_key_parts(self):
        """What makes two readers' results differ: the restricted sections hidden from them."""
        return list(self.hidden_paths)
