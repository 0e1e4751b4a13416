from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FormDraft(models.Model):
    """A service's form as its managers are changing it. Residents never see it: publishing
    copies it into a new numbered `eforms.FormVersion`, and the draft stays for the next change."""

    service = models.OneToOneField(
        "catalogue.Service",
        on_delete=models.CASCADE,
        related_name="form_draft",
        verbose_name=_("service"),
    )
    document = models.JSONField(_("definition"), default=dict)
    # The version the draft was opened from or last published as: tells whether it has changed.
    based_on = models.ForeignKey(
        "eforms.FormVersion", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("form draft")
        verbose_name_plural = _("form drafts")

    def __str__(self) -> str:
        return str(self.service)
