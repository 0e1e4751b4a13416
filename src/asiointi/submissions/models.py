import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Draft(models.Model):
    """A form being filled in: saved on every page, kept until `expires_at`, then deleted."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    customer = models.ForeignKey(
        "customers.Customer", on_delete=models.CASCADE, related_name="drafts"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("saved by"),
    )
    service = models.ForeignKey("catalogue.Service", on_delete=models.PROTECT, related_name="+")
    version = models.ForeignKey("eforms.FormVersion", on_delete=models.PROTECT, related_name="+")
    answers_encrypted = models.TextField(editable=False)
    prefilled = models.JSONField(default=list, help_text="Keys of the prefilled questions.")
    page_key = models.CharField(max_length=40, blank=True, help_text="Where the person was.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    expires_at = models.DateTimeField(_("kept until"), db_index=True)

    class Meta:
        verbose_name = _("draft")
        verbose_name_plural = _("drafts")

    def __str__(self) -> str:
        return f"draft {self.pk}"


class Submission(models.Model):
    """A sent form, locked: stored as the city's document model asks (owner, acting person,
    business ID, reference, status history, retention date, encrypted content)."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        DELIVERED = "delivered", _("Delivered to the agency")
        DELIVERY_DELAYED = "delivery_delayed", _("Delivery to the agency delayed")
        IN_PROCESS = "in_process", _("Being processed")
        WAITING = "waiting", _("Waiting for your reply")
        DECIDED = "decided", _("Decided")
        CLOSED = "closed", _("Closed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(_("reference"), max_length=12, unique=True)
    # The draft it was sent from: a second "Lähetä" for the same draft finds this row.
    draft_key = models.UUIDField(unique=True, editable=False)
    # Both empty once anonymised (erasure, or retention's "anonymise"): the agency keeps that a
    # form was sent, its reference, service and dates, never again whose it was.
    customer = models.ForeignKey(
        "customers.Customer",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="submissions",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    business_id = models.CharField(_("business ID"), max_length=9, blank=True)
    service = models.ForeignKey(
        "catalogue.Service", on_delete=models.PROTECT, related_name="+", verbose_name=_("service")
    )
    # The agency it was sent to (the service's when it was sent): the back office's inbox reads
    # one agency's cases from one index, newest first, however many services the agency has.
    agency = models.ForeignKey(
        "catalogue.Agency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("agency"),
        db_index=False,  # the inbox's indexes below begin with it
    )
    version = models.ForeignKey("eforms.FormVersion", on_delete=models.PROTECT, related_name="+")
    language = models.CharField(max_length=2)
    content_encrypted = models.TextField(editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    sent_at = models.DateTimeField(_("sent"))
    delete_after = models.DateField(_("kept until"))
    delivery_attempts = models.PositiveSmallIntegerField(_("delivery attempts"), default=0)
    delivery_failed_at = models.DateTimeField(_("delivery failed"), null=True, blank=True)
    delivery_error = models.TextField(_("last delivery error"), blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        verbose_name = _("sent form")
        verbose_name_plural = _("sent forms")
        ordering = ["-sent_at"]
        # The back office's inbox: an agency's cases, newest first, by status or not; by service.
        indexes = [
            models.Index(fields=["agency", "-sent_at", "-id"], name="submission_agency_newest"),
            models.Index(
                fields=["agency", "status", "-sent_at", "-id"], name="submission_agency_status"
            ),
            models.Index(fields=["service", "-sent_at"], name="submission_service_newest"),
            models.Index(fields=["status", "-sent_at"], name="submission_status_newest"),
            models.Index(fields=["-sent_at"], name="submission_newest"),
            # The inbox's count by status: read from the index alone, service by service.
            models.Index(fields=["service", "status"], name="submission_service_status"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def locked(self) -> bool:
        return True  # a sent form is never edited; only deleted after `delete_after`


class StatusChange(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="history")
    status = models.CharField(max_length=20, choices=Submission.Status.choices)
    at = models.DateTimeField(auto_now_add=True)
    # The member of staff who changed it; empty when the portal did (sending, delivery, a reply).
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.submission} {self.status}"


class AccessGrant(models.Model):
    """The agency has been contacted first and lets this customer use the service's form."""

    service = models.ForeignKey(
        "catalogue.Service", on_delete=models.CASCADE, related_name="+", verbose_name=_("service")
    )
    customer = models.ForeignKey(
        "customers.Customer",
        on_delete=models.CASCADE,
        related_name="access_grants",
        verbose_name=_("customer"),
    )
    granted_at = models.DateTimeField(_("granted"), auto_now_add=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    # The last day the customer may use the service; empty: until revoked.
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        verbose_name = _("access grant")
        verbose_name_plural = _("access grants")
        constraints = [
            models.UniqueConstraint(fields=["service", "customer"], name="access_grant_unique")
        ]

    def __str__(self) -> str:
        return f"{self.customer} → {self.service}"
