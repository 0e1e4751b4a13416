from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "asiointi.feedback"
    verbose_name = _("feedback")

    def ready(self) -> None:
        from asiointi.attachments.selectors import attachment_holder_register
        from asiointi.feedback.selectors import feedback_service_id
        from asiointi.notify.rendering import template_register

        template_register(
            "feedback_received",
            {"reference", "kind", "service_name", "message", "answer_due", "inbox_url"},
        )
        template_register("feedback_acknowledged", {"reference", "agency_name", "answer_due"})
        template_register("feedback_answer", {"reference", "agency_name", "answer"})
        attachment_holder_register("feedback", feedback_service_id)

        from asiointi.feedback import personal_data, retention

        personal_data.register()
        retention.register()
