from django.urls import path

from . import views

# Not namespaced: /moderering/ is one of the site's fixed addresses, and the apps whose
# items it lists send reviewers back to it by this name.
urlpatterns = [
    path("moderering/", views.moderation_queue, name="moderation_queue"),
]
