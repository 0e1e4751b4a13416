from django.contrib import admin
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from asiointi.privacy.masking import masked_field
from asiointi.submissions.models import AccessGrant, Submission
from asiointi.submissions.services import access_grant


class DeliveryFailedFilter(admin.SimpleListFilter):
    title = _("delivery")
    parameter_name = "delivery"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("failed", str(_("failed"))), ("pending", str(_("not yet delivered")))]

    def queryset(
        self, request: HttpRequest, queryset: QuerySet[Submission]
    ) -> QuerySet[Submission]:
        if self.value() == "failed":
            return queryset.filter(delivery_failed_at__isnull=False)
        if self.value() == "pending":
            return queryset.filter(status=Submission.Status.RECEIVED)
        return queryset


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    """Staff see a failed delivery here with its error, and send it again; the answers stay
    encrypted and are not shown in the admin."""

    list_display = [
        "reference",
        "service",
        "status",
        "sent_at",
        "delivery_attempts",
        "delivery_failed_at",
    ]
    list_filter = [DeliveryFailedFilter, "status", "service"]
    search_fields = ["reference"]
    readonly_fields = [
        "reference",
        "service",
        "version",
        "customer",
        "person",
        "business_id",
        "language",
        "status",
        "sent_at",
        "delete_after",
        "delivery_attempts",
        "delivery_failed_at",
        "delivery_error_masked",  # an agency system's answer may quote an identity code
    ]
    exclude = ["content_encrypted", "draft_key", "delivery_error"]
    delivery_error_masked = masked_field(Submission, "delivery_error")
    actions = ["deliver_again"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=_("Deliver again to the agency"))
    def deliver_again(self, request: HttpRequest, queryset: QuerySet[Submission]) -> None:
        from asiointi.submissions.tasks import submission_deliver

        pks = [
            str(pk)
            for pk in queryset.exclude(status=Submission.Status.DELIVERED).values_list(
                "pk", flat=True
            )
        ]
        for pk in pks:
            transaction.on_commit(lambda pk=pk: submission_deliver.delay(pk))  # type: ignore[misc]
        self.message_user(
            request, _("Delivery started again for %(count)s forms.") % {"count": len(pks)}
        )


@admin.register(AccessGrant)
class AccessGrantAdmin(admin.ModelAdmin):
    list_display = ["customer", "service", "granted_at", "granted_by"]
    list_filter = ["service"]
    autocomplete_fields = ["service"]
    raw_id_fields = ["customer"]
    readonly_fields = ["granted_at", "granted_by"]

    def save_model(
        self, request: HttpRequest, obj: AccessGrant, form: object, change: bool
    ) -> None:
        if change:
            super().save_model(request, obj, form, change)  # type: ignore[arg-type]
            return
        grant = access_grant(
            service=obj.service,
            customer=obj.customer,
            granted_by=request.user,  # type: ignore[arg-type]
            note=obj.note,
        )
        obj.pk = grant.pk
