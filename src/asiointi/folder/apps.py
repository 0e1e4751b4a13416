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

        from asiointi.folder.export import export_section_register
        from asiointi.notify.selectors import notifications_data

        export_section_register(
            "notifications",
            position=85,
            heading=_("Notifications sent"),
            gather=lambda customer: notifications_data(customer=customer),
        )
        attachment_holder_register("folder.message", message_service_id)
