from django.urls import path

from . import views

app_name = "reactions"

urlpatterns = [
    path("reaktioner/", views.react, name="react"),
    path("reaktioner/<str:type_key>/<int:object_id>/", views.who, name="who"),
]
