from django.contrib import admin

from asiointi.attachments.models import Attachment
from asiointi.privacy.masking import masked_field


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    # Metadata only: staff open files through the back office, which checks their right to.
    list_display = ["file_name", "media_type", "size", "scanned_at", "holder", "created_at"]
    list_filter = ["media_type"]
    search_fields = ["sha256", "holder"]
    # A file name may hold an identity code: shown masked.
    fields = readonly_fields = tuple(
        "file_name" if field.name == "original_name" else field.name
        for field in Attachment._meta.fields
        if field.name != "file"
    )
    file_name = masked_field(Attachment, "original_name")

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False
