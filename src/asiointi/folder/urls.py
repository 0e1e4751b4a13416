from django.urls import path

from asiointi.folder import views

app_name = "folder"

urlpatterns = [
    path("", views.index, name="index"),
]
