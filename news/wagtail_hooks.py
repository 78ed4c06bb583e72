from django.urls import reverse
from wagtail import hooks

from .models import FeedToken


@hooks.register("people_profile_sections")
def personal_feed_section(request, person):
    """The secret feed address, on the viewer's own profile only (see people/views.py)."""
    if not request.user.is_authenticated or person.pk != request.user.pk:
        return None
    token = FeedToken.for_user(request.user).token
    return {
        "template": "news/profile_feed_section.html",
        "context": {
            "feed_url": request.build_absolute_uri(reverse("news:personal_feed", kwargs={"token": token})),
            "regenerate_url": reverse("news:regenerate_feed_token"),
        },
    }
