from django.db import models
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    """A company, association or group that people act for through Suomi.fi e-Authorizations."""

    business_id = models.CharField(_("business ID"), max_length=9, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.business_id})"
