from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubmissionsConfig(AppConfig):
    name = "asiointi.submissions"
    verbose_name = _("submissions")

    def ready(self) -> None:
        from asiointi.notify.rendering import template_register

        template_register("submission_receipt", {"reference", "service_name", "sent_at"})
