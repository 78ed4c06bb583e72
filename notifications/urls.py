from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("notifikationer/", views.index, name="index"),
    path("notifikationer/laest/", views.mark_all_read, name="mark_all_read"),
    path("notifikationer/<int:pk>/laest/", views.mark_read, name="mark_read"),
    path("notifikationer/indstillinger/", views.preferences, name="preferences"),
    path("notifikationer/foelg/", views.follow, name="follow"),
]
