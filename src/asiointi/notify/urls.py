from django.conf import settings
from django.urls import URLPattern, path

from asiointi.notify import views

app_name = "notify"

# The development outbox exists only in the embedded profile: otherwise there is nothing to mount.
urlpatterns: list[URLPattern] = (
    [
        path("dev/outbox/", views.outbox_list, name="outbox_list"),
        path("dev/outbox/<int:pk>/", views.outbox_detail, name="outbox_detail"),
    ]
    if settings.DEV_OUTBOX_ENABLED
    else []
)
