from django.contrib import admin

from asiointi.backoffice.models import PlatformRole


@admin.register(PlatformRole)
class PlatformRoleAdmin(admin.ModelAdmin):
    """Platform administrators give the auditor role here (it opens the audit log's search)."""

    list_display = ["user", "role", "created_at"]
    list_filter = ["role"]
    raw_id_fields = ["user"]
