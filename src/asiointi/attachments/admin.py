from django.contrib import admin

from asiointi.attachments.models import Attachment


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    # Metadata only: staff open files through the back office, which checks their right to.
    list_display = ["original_name", "media_type", "size", "scanned_at", "holder", "created_at"]
    list_filter = ["media_type"]
    search_fields = ["sha256", "holder"]
    readonly_fields = [field.name for field in Attachment._meta.fields]
    exclude = ["file"]

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False
