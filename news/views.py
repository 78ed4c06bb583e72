from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .feeds import NewsFeed
from .models import FeedToken, NewsIndexPage


@require_GET
def personal_feed(request, token):
    """The news feed at a user's secret address; reachable without login (see PUBLIC_PATH_PREFIXES).

    It serves the feed and nothing else. An unknown, regenerated or inactive user's token is a 404.
    """
    feed_token = FeedToken.of_active_person(token)
    index_page = NewsIndexPage.objects.live().first()
    if feed_token is None or index_page is None:
        raise Http404
    return NewsFeed()(request, index_page=index_page)


@require_POST
def regenerate_feed_token(request):
    """Give the logged-in user a new secret feed address; the old one stops working at once."""
    FeedToken.for_user(request.user).regenerate()
    messages.success(request, _("Du har fået en ny feed-adresse. Den gamle virker ikke længere."))
    return redirect("people:profile", username=request.user.get_username())


def not_found(request, rest=""):
    """Everything else under the public feed prefix is a 404, so no Wagtail page can be served there."""
    raise Http404
