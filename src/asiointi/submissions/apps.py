from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubmissionsConfig(AppConfig):
    name = "asiointi.submissions"
    verbose_name = _("submissions")

    def ready(self) -> None:
        from asiointi.attachments.selectors import attachment_holder_register
        from asiointi.folder.messaging import reply_hook_register
        from asiointi.notify.rendering import template_register
        from asiointi.submissions.selectors import draft_service_id, submission_service_id
        from asiointi.submissions.services import submission_customer_replied

        template_register(
            "submission_receipt", {"reference", "service_name", "sent_at"}, label=_("Receipt")
        )
        attachment_holder_register("draft", draft_service_id)
        attachment_holder_register("submission", submission_service_id)
        reply_hook_register(submission_customer_replied)

        from asiointi.customers.grants import access_grant_hook_register
        from asiointi.submissions.selectors import access_grant_exists

        access_grant_hook_register(access_grant_exists)

        from asiointi.folder.kinds import addresses_by_url_name, item_kind_register
        from asiointi.submissions.services import DRAFT_STATUS, STATUS_LABELS

        item_kind_register(
            "draft",
            label=_("draft"),
            status_labels={"draft": DRAFT_STATUS},
            addresses=addresses_by_url_name("submissions:draft_resume"),
        )
        item_kind_register(
            "submission",
            label=_("submission"),
            status_labels=STATUS_LABELS,
            addresses=addresses_by_url_name("submissions:detail"),
        )

        from asiointi.submissions import personal_data, retention

        personal_data.register()
        retention.register()
