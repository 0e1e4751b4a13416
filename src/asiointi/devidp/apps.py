from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DevIdpConfig(AppConfig):
    name = "asiointi.devidp"
    verbose_name = _("Test identity provider")

    def ready(self) -> None:
        from asiointi.devidp.logging import request_logs_redact

        request_logs_redact()
