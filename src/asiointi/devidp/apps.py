from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DevIdpConfig(AppConfig):
    name = "asiointi.devidp"
    verbose_name = _("Test identity provider")
