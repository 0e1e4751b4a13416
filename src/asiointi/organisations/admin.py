from django.contrib import admin

from asiointi.organisations.models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    """Organisations come from e-Authorizations; staff correct a name or contact, and a business
    ID typed here is checked with its check digit like everywhere else."""

    list_display = ("name", "business_id", "group_id", "kind", "registered_at")
    list_filter = ("kind",)
    search_fields = ("name", "business_id", "group_id")
    readonly_fields = ("email_verified_at", "mobile_verified_at", "registered_at", "created_at")
