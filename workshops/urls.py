from django.urls import path

from . import views

app_name = "workshops"

urlpatterns = [
    path("mine-indsendelser/", views.my_submissions, name="my_submissions"),
    path("mine-indsendelser/<int:page_id>/rediger/", views.edit_outcome, name="edit_outcome"),
    path("mine-indsendelser/<int:page_id>/", views.view_own_outcome, name="view_own_outcome"),
    path("moderering/workshopresultater/<int:page_id>/", views.review_outcome, name="review_outcome"),
    path("rapport/", views.report, name="report"),
    path("rapport/csv/", views.report_csv, name="report_csv"),
    path("workshopresultater/filer/<int:pk>/", views.attachment, name="attachment"),
    path("ideer/<int:pk>/status/", views.move_idea, name="move_idea"),
]
