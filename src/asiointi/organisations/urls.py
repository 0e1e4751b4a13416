from django.urls import path
from django.utils.translation import gettext_lazy as _

from asiointi.organisations import registration_views, views

app_name = "organisations"

urlpatterns = [
    path("", views.choose, name="choose"),
    path(_("choose/"), views.start, name="start"),
    path(_("switch/"), views.switch, name="switch"),
    path(_("choice-failed/"), views.failed, name="failed"),
    path(_("no-right/"), views.refused, name="refused"),
    path(_("not-for-you/<slug:slug>/"), views.audience_refused, name="audience_refused"),
    path(_("register/"), registration_views.register, name="register"),
    path(_("register/confirm/"), registration_views.confirm, name="confirm"),
]
