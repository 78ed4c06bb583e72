"""The submission address under every project page, mixed into ``projects.ProjectPage``."""

from wagtail.contrib.routable_page.models import path


class OutcomeSubmissionMixin:
    """Adds ``<project-url>indsend/``: the front-end form for a workshop outcome.

    A plain mixin without fields, so the projects app needs no migration; the view lives in
    ``workshops.views`` and is imported on use, keeping ``projects`` free of workshop imports.
    """

    @path("indsend/", name="submit_outcome")
    def submit_outcome(self, request):
        from .views import submit_outcome

        return submit_outcome(request, self)
