from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# Set only by the retention job (privacy.retention.audit_retention), which alone may remove
# audit rows; on PostgreSQL a trigger holds the same rule for every other client of the database.
_audit_retention: ContextVar[bool] = ContextVar("audit_retention", default=False)


class AuditLogAppendOnly(Exception):
    """The audit log is evidence: rows are added, never changed or removed."""


def _append_only() -> None:
    if not _audit_retention.get():
        raise AuditLogAppendOnly("the audit log is append-only")


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        _append_only()
        return super().update(**kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        _append_only()
        return super().delete()


class AuditEvent(models.Model):
    """Who did what, when and from where. Never holds an identity code or other personal content.

    Append-only: saving an existing row, deleting one, or updating or deleting through a queryset
    raises AuditLogAppendOnly, except within the retention job.
    """

    class Action(models.TextChoices):
        LOGIN = "login", _("Logged in")
        LOGIN_FAILED = "login_failed", _("Identification failed")
        LOGOUT = "logout", _("Logged out")
        REGISTERED = "registered", _("Registered")
        CONTACT_CHANGED = "contact_changed", _("Contact details changed")
        PERSONAL_DATA_READ = "personal_data_read", _("Personal data read")
        ACTING_SWITCHED = "acting_switched", _("Switched on whose behalf acting")
        ACTING_REFUSED = "acting_refused", _("Refused to act on behalf")
        GDPR_QUERY = "gdpr_query", _("Personal data asked for (GDPR API)")
        GDPR_ERASE = "gdpr_erase", _("Personal data erased (GDPR API)")
        GDPR_REFUSED = "gdpr_refused", _("GDPR API request refused")
        PERSON_LOOKUP = "person_lookup", _("Person looked up by identity code")
        STAFF_CHANGED = "staff_changed", _("Agency's staff changed")
        CONTENT_CHANGED = "content_changed", _("Service page or course edited")

    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    action = models.CharField(_("action"), max_length=40, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target = models.CharField(_("target"), max_length=200, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            _append_only()
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        _append_only()
        return super().delete(*args, **kwargs)


RULES_CACHE_KEY = "privacy:retention-rules"


class RetentionAction(models.TextChoices):
    DELETE = "delete", _("Delete")
    ANONYMISE = "anonymise", _("Anonymise")


class RetentionKind(models.TextChoices):
    DRAFTS = "drafts", _("Drafts")
    SUBMISSIONS = "submissions", _("Sent forms")
    MESSAGES = "messages", _("Messages and decisions")
    ENROLLMENTS = "enrollments", _("Course enrollments")
    DATA_EXPORTS = "data_exports", _("Copies of Download my data")
    FEEDBACK = "feedback", _("Feedback")
    AUDIT_EVENTS = "audit_events", _("Audit log")
    NOTIFICATIONS = "notifications", _("Notifications sent")


class RetentionRule(models.Model):
    """How long a kind of record is kept, and what happens then: a default per kind (no
    service), and a platform administrator's override per service."""

    kind = models.CharField(_("record kind"), max_length=20, choices=RetentionKind.choices)
    service = models.ForeignKey(
        "catalogue.Service",
        verbose_name=_("service"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty: the default of every service without a rule of its own."),
    )
    days = models.PositiveIntegerField(_("kept for (days)"))
    action = models.CharField(
        _("then"), max_length=10, choices=RetentionAction.choices, default=RetentionAction.DELETE
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("retention rule")
        verbose_name_plural = _("retention rules")
        ordering = ["kind", "service__name"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "service"], name="retention_rule_per_service"),
            models.UniqueConstraint(
                fields=["kind"], condition=Q(service__isnull=True), name="retention_rule_default"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.days} d, {self.get_action_display()}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        cache.delete(RULES_CACHE_KEY)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        deleted = super().delete(*args, **kwargs)
        cache.delete(RULES_CACHE_KEY)
        return deleted

    def clean(self) -> None:
        from asiointi.privacy.retention import retention_kinds

        kind = retention_kinds().get(self.kind)
        if kind is None:
            return
        if self.service_id and not kind.per_service:
            raise ValidationError({"service": _("This kind of record has no per-service rules.")})
        if self.action not in kind.actions:
            raise ValidationError({"action": _("This kind of record can only be deleted.")})


class RetentionRun(models.Model):
    """What one run of the retention job did, in counts per kind and action: no personal data."""

    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    failed = models.JSONField(_("failed kinds"), default=list, blank=True)

    class Meta:
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M}"
