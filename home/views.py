from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .moderation import sections_for


@require_GET
def moderation_queue(request):
    """/moderering/: one place for everything awaiting this moderator, each app's section in turn.

    The sections are drawn here, before the page, so that the messages they add show on it.
    """
    sections = sections_for(request.user)
    if not sections:
        raise PermissionDenied
    context = {"request": request}
    return render(request, "home/moderation_queue.html", {"sections": [s.render_html(context) for s in sections]})
