from django.contrib import admin

from asiointi.notify.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """What was sent to whom (masked address only) and how it went: for platform administrators
    (the admin site lets in only verified superusers) looking into a message that failed."""

    list_display = ("created_at", "kind", "channel", "recipient_masked", "status", "attempts")
    list_filter = ("status", "channel", "kind")
    date_hierarchy = "created_at"
    fields = readonly_fields = (
        "customer_id",
        "kind",
        "about_kind",
        "about_key",
        "channel",
        "recipient_masked",
        "language",
        "status",
        "attempts",
        "error",
        "created_at",
        "sent_at",
        "failed_at",
    )

    # A record of what happened: nobody adds, edits or deletes one here.
    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False
