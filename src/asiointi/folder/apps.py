from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FolderConfig(AppConfig):
    name = "asiointi.folder"
    verbose_name = _("e-services folder")

    def ready(self) -> None:
        from asiointi.attachments.selectors import attachment_holder_register
        from asiointi.folder.notifying import customer_recipients
        from asiointi.folder.selectors import message_service_id
        from asiointi.notify.recipients import recipients_hook_register
        from asiointi.notify.rendering import template_register

        template_register("folder_new", {"folder_url"}, label=_("Something new in the folder"))
        recipients_hook_register(customer_recipients)

        attachment_holder_register("folder.message", message_service_id)

        from asiointi.folder.kinds import addresses_by_url_name, item_kind_register
        from asiointi.folder.messaging import THREAD_STATUS
        from asiointi.folder.models import FolderItem
        from asiointi.folder.selectors import decision_addresses

        item_kind_register(
            FolderItem.Kind.MESSAGE,
            label=FolderItem.Kind.MESSAGE.label,
            status_labels=THREAD_STATUS,
            addresses=addresses_by_url_name("folder:thread"),
        )
        item_kind_register(
            FolderItem.Kind.DECISION,
            label=FolderItem.Kind.DECISION.label,
            status_labels=THREAD_STATUS,
            addresses=decision_addresses,
        )

        from asiointi.folder import personal_data, retention

        personal_data.register()
        retention.register()
