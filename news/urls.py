from django.urls import path, re_path

from . import views

app_name = "news"

# PERSONAL_FEED_PREFIX is open to anonymous visitors (settings.PUBLIC_PATH_PREFIXES): it holds
# the personal feed and nothing else; any other address under it answers 404.
PERSONAL_FEED_PREFIX = "feed/"

urlpatterns = [
    path(f"{PERSONAL_FEED_PREFIX}nyheder/<str:token>/", views.personal_feed, name="personal_feed"),
    re_path(rf"^{PERSONAL_FEED_PREFIX}(?P<rest>.*)$", views.not_found),
    path("nyhedsfeed/ny-adresse/", views.regenerate_feed_token, name="regenerate_feed_token"),
]
