from django.contrib import admin

from asiointi.privacy.masking import masked_field
from asiointi.privacy.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("created_at", "action", "user", "target_masked", "ip_address")
    fields = readonly_fields = (
        "created_at",
        "action",
        "user",
        "target_masked",
        "ip_address",
        "user_agent_masked",
        "details_masked",
    )
    target_masked = masked_field(AuditEvent, "target")
    user_agent_masked = masked_field(AuditEvent, "user_agent")
    details_masked = masked_field(AuditEvent, "details")
    list_filter = ("action",)
    date_hierarchy = "created_at"

    # The audit log is evidence: nobody edits or deletes it through the admin.
    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False
