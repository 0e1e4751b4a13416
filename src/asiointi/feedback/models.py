from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Feedback(models.Model):
    """Feedback on a service (or on the portal itself) to the agency offering it, and its answer."""

    class Kind(models.TextChoices):
        PRAISE = "praise", _("Praise")
        PROBLEM = "problem", _("Problem")
        SUGGESTION = "suggestion", _("Suggestion")
        ACCESSIBILITY = "accessibility", _("Accessibility problem")
        QUESTION = "question", _("Question")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ANSWERED = "answered", _("Answered")

    reference = models.CharField(_("reference"), max_length=12, unique=True)
    # The form's one-time key: a second press of "Send" finds the feedback the first one made.
    form_key = models.CharField(max_length=64, unique=True, editable=False)
    agency = models.ForeignKey(
        "catalogue.Agency",
        on_delete=models.PROTECT,
        related_name="feedback",
        verbose_name=_("agency"),
    )
    service = models.ForeignKey(
        "catalogue.Service",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback",
        verbose_name=_("service"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    message = models.TextField(_("message"))
    language = models.CharField(_("language"), max_length=2)
    contact_name = models.CharField(_("name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)
    # Logged in: whose folder an answer can go to, and who sent it.
    customer = models.ForeignKey(
        "customers.Customer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("customer"),
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    answer_to_folder = models.BooleanField(_("answer to the e-services folder"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    answer_due = models.DateField(_("answer due"), null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    created_at = models.DateTimeField(_("received at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        indexes = [models.Index(fields=["agency", "status", "answer_due"])]

    def __str__(self) -> str:
        return self.reference

    @property
    def holder(self) -> str:
        return f"feedback:{self.pk}"

    @property
    def can_be_answered(self) -> bool:
        return bool(self.contact_email or (self.answer_to_folder and self.customer_id))
