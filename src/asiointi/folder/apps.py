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

        from asiointi.folder import personal_data, retention

        personal_data.register()
        retention.register()
