from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Form(models.Model):
    """A service's form: the definition being edited, and its published versions."""

    service = models.OneToOneField(
        "catalogue.Service",
        on_delete=models.PROTECT,
        related_name="eform",
        verbose_name=_("service"),
    )
    document = models.JSONField(
        _("definition being edited"),
        default=dict,
        help_text=_("Publishing makes an unchangeable version of it."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("form")
        verbose_name_plural = _("forms")

    def __str__(self) -> str:
        return str(self.service)


class FormVersion(models.Model):
    """A published definition. Never changed: drafts and submissions point at the one they used."""

    form = models.ForeignKey(Form, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    document = models.JSONField(_("definition"), editable=False)
    schema = models.JSONField(_("answer schema (JSON Schema 2020-12)"), editable=False)
    published_at = models.DateTimeField(_("published"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("form version")
        verbose_name_plural = _("form versions")
        ordering = ["form", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["form", "number"], name="form_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.form} v{self.number}"
