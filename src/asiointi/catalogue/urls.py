from django.urls import path
from django.utils.translation import gettext_lazy as _

from asiointi.catalogue import views

app_name = "catalogue"

# Path words are translated: /fi/palvelut/, /sv/tjanster/, /en/services/.
urlpatterns = [
    path("", views.front_page, name="front_page"),
    path(_("services/"), views.service_list, name="service_list"),
    path(_("services/<slug:slug>/"), views.service_detail, name="service_detail"),
    path(_("services/<slug:slug>/start/"), views.service_start, name="service_start"),
    path(_("agencies/"), views.agency_list, name="agency_list"),
    path(_("agencies/<slug:slug>/"), views.agency_detail, name="agency_detail"),
    path(_("help/"), views.help_index, name="help_index"),
    path(_("help/guide.pdf"), views.guide_pdf, name="guide_pdf"),
    path(_("help/<slug:slug>/"), views.help_page, name="help_page"),
]
