from django.urls import path
from django.utils.translation import gettext_lazy as _

from asiointi.folder import views

app_name = "folder"

urlpatterns = [
    path("", views.index, name="index"),
    path(_("messages/<int:pk>/"), views.thread, name="thread"),
    path(_("documents/<int:pk>/"), views.message_document, name="message_document"),
    path(_("preferences/"), views.preferences, name="preferences"),
    path(_("my-data/"), views.my_data, name="my_data"),
    path(_("my-data/prepare/"), views.my_data_request, name="my_data_request"),
    path(_("my-data/<int:pk>.<str:fmt>"), views.my_data_file, name="my_data_file"),
]
