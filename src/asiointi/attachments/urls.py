from django.urls import path

from asiointi.attachments import views

app_name = "attachments"

urlpatterns = [
    path("<uuid:pk>/", views.download, name="download"),
]
