from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubmissionsConfig(AppConfig):
    name = "asiointi.submissions"
    verbose_name = _("submissions")

    def ready(self) -> None:
        from asiointi.attachments.selectors import attachment_holder_register
        from asiointi.notify.rendering import template_register
        from asiointi.submissions.selectors import draft_service_id, submission_service_id

        template_register("submission_receipt", {"reference", "service_name", "sent_at"})
        attachment_holder_register("draft", draft_service_id)
        attachment_holder_register("submission", submission_service_id)

        from asiointi.submissions import personal_data, retention

        personal_data.register()
        retention.register()
