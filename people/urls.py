from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("personer/<str:username>/", views.profile, name="profile"),
    path("min-profil/", views.my_profile, name="my_profile"),
]
