from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("Text message")


class OutboxMessage(models.Model):
    """A message the embedded profile "sent": kept so developers and tests can read it.

    Only the development outbox writes here; production sends for real and keeps no bodies.
    """

    channel = models.CharField(_("channel"), max_length=5, choices=Channel.choices)
    recipient = models.CharField(_("recipient"), max_length=254)
    subject = models.CharField(_("subject"), max_length=255, blank=True)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "-created_at"])]
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")

    def __str__(self) -> str:
        return f"{self.channel} {self.recipient} {self.created_at:%Y-%m-%d %H:%M:%S}"


class Notification(models.Model):
    """One message to a customer on one channel: what was told, where (masked) and how it went.

    The body is never kept: the reference and the kind say enough for the folder and the back
    office, and the full address only travels with the queued task that sends it.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Could not be sent")

    customer = models.ForeignKey(
        "customers.Customer", on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=40)  # the template's name
    # What it is about, as the folder names it (kind and key of a FolderItem): "submission", "7".
    about_kind = models.CharField(max_length=30, blank=True)
    about_key = models.CharField(max_length=64, blank=True)
    channel = models.CharField(_("channel"), max_length=5, choices=Channel.choices)
    recipient_masked = models.CharField(_("recipient"), max_length=254)
    language = models.CharField(_("language"), max_length=5)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # The error's kind only ("SMTPServerDisconnected"): a transport's text may repeat the address.
    error = models.CharField(_("last error"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    failed_at = models.DateTimeField(_("failed"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["customer", "about_kind", "about_key"], name="notification_about")
        ]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return f"{self.kind} {self.channel} {self.recipient_masked} {self.status}"
