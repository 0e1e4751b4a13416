from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormEditorConfig(AppConfig):
    name = "asiointi.formeditor"
    label = "formeditor"
    verbose_name = _("Form editor")
