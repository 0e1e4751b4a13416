from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdentityConfig(AppConfig):
    name = "asiointi.identity"
    verbose_name = _("Identification")

    def ready(self) -> None:
        from asiointi.identity.personal_data import register

        register()
