from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationConfig(AppConfig):
    name = "asiointi.registration"
    verbose_name = _("Registration")

    def ready(self) -> None:
        from asiointi.registration.personal_data import register

        register()
