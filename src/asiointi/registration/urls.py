from django.urls import path
from django.utils.translation import gettext_lazy as _

from asiointi.registration import views

app_name = "registration"

urlpatterns = [
    path(_("contact-details/"), views.contact_details, name="contact_details"),
    path(_("contact-details/confirm/"), views.confirm, name="confirm"),
]
