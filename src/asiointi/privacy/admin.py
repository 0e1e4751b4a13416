from django.contrib import admin

from asiointi.privacy.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("created_at", "action", "user", "target", "ip_address")
    list_filter = ("action",)
    date_hierarchy = "created_at"

    # The audit log is evidence: nobody edits or deletes it through the admin.
    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False
