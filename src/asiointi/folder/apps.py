from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FolderConfig(AppConfig):
    name = "asiointi.folder"
    verbose_name = _("e-services folder")
