from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormsConfig(AppConfig):
    name = "asiointi.eforms"
    verbose_name = _("e-service forms")
