from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """Who did what, when and from where. Never holds an identity code or other personal content."""

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

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.action}"
