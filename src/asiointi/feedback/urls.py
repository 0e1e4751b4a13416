from django.urls import path
from django.utils.translation import gettext_lazy as _

from asiointi.feedback import staff_views, views

app_name = "feedback"

# Mounted under /<lang>/<feedback>/ (fi: palaute, sv: respons, en: feedback).
urlpatterns = [
    path("", views.portal_feedback, name="portal"),
    path(_("service/<slug:slug>/"), views.service_feedback, name="service"),
    path(_("received/<str:key>/"), views.acknowledgement, name="acknowledgement"),
    path(_("inbox/"), staff_views.inbox_index, name="staff_index"),
    path(_("inbox/<int:pk>/"), staff_views.detail, name="staff_detail"),
    path(
        _("inbox/<int:pk>/attachment/<uuid:attachment>/"),
        staff_views.attachment,
        name="staff_attachment",
    ),
    path(_("inbox/<slug:agency>/"), staff_views.inbox, name="staff_inbox"),
]
