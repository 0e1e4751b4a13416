from django.contrib import admin

from asiointi.privacy.masking import masked_field
from asiointi.privacy.models import AuditEvent, RetentionRule, RetentionRun


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


@admin.register(RetentionRule)
class RetentionRuleAdmin(admin.ModelAdmin):
    """Set by platform administrators (the admin site lets in only verified superusers)."""

    list_display = ("kind", "service", "days", "action", "updated_at")
    list_filter = ("kind", "action")
    autocomplete_fields = ("service",)
    fields = ("kind", "service", "days", "action")

    def has_delete_permission(self, request: object, obj: RetentionRule | None = None) -> bool:
        # A kind's default stays; an override can go.
        return obj is None or obj.service_id is not None


@admin.register(RetentionRun)
class RetentionRunAdmin(admin.ModelAdmin):
    list_display = ("started_at", "finished_at", "counts", "failed")
    fields = readonly_fields = ("started_at", "finished_at", "counts", "failed")

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False
