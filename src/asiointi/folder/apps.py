from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FolderConfig(AppConfig):
    name = "asiointi.folder"
    verbose_name = _("e-services folder")

    def ready(self) -> None:
        from asiointi.notify.rendering import template_register

        template_register("folder_new", {"folder_url"})
