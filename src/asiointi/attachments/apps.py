from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttachmentsConfig(AppConfig):
    name = "asiointi.attachments"
    verbose_name = _("attachments")

    def ready(self) -> None:
        from asiointi.attachments.personal_data import register

        register()
