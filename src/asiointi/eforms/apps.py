from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormsConfig(AppConfig):
    name = "asiointi.eforms"
    verbose_name = _("e-service forms")

    def ready(self) -> None:
        from asiointi.catalogue.models import Service
        from asiointi.catalogue.starts import start_resolver_register
        from asiointi.eforms.selectors import form_start_url

        start_resolver_register(Service.Kind.FORM, form_start_url)
