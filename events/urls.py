from django.urls import path

from . import views

app_name = "events"

# The calendar page is /kalender/ (DESIGN.md); these addresses below it act on the calendar and its
# events and are matched before Wagtail's pages (an event may not be called "ny": models.RESERVED_SLUGS).
urlpatterns = [
    path("kalender/ny/", views.create_event, name="create"),
    path("kalender/<slug:slug>/tilmeld/", views.sign_up, name="sign_up"),
    path("kalender/<slug:slug>/afmeld/", views.cancel, name="cancel"),
    path("kalender/<slug:slug>/ics/", views.event_ics, name="ics"),
    path("kalender/<slug:slug>/rediger/", views.edit_event, name="edit"),
    path("kalender/<slug:slug>/aflys/", views.cancel_event, name="cancel_event"),
    # Under the public /feed/ prefix (settings.PUBLIC_PATH_PREFIXES): the secret address is the credential.
    path("feed/kalender/<str:token>/", views.personal_feed, name="personal_feed"),
    path("kalenderfeed/ny-adresse/", views.regenerate_token, name="regenerate_token"),
]
