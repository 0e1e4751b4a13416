from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from asiointi.organisations.business_ids import business_id_validator


class Organisation(models.Model):
    """A company, an association or a group that people act for through Suomi.fi e-Authorizations.

    Its contact details are confirmed by code like a person's; `registered_at` is set by the
    first confirmation, and from then on the organisation has its folder.
    """

    class Kind(models.TextChoices):
        COMPANY = "company", _("Company")
        REGISTERED_ASSOCIATION = "registered_association", _("Registered association")
        UNREGISTERED_GROUP = "unregistered_group", _("Unregistered group")

    # NULL for an unregistered group, which has no business ID: unique holds among the rest.
    business_id = models.CharField(
        _("business ID"),
        max_length=9,
        unique=True,
        null=True,
        blank=True,
        validators=[business_id_validator],
    )
    # The identifier e-Authorizations gives an unregistered group.
    group_id = models.CharField(
        _("group identifier"), max_length=40, unique=True, null=True, blank=True
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=40, choices=Kind.choices, default=Kind.COMPANY)
    email = models.EmailField(_("e-mail address"), blank=True)
    email_verified_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    mobile_number = models.CharField(_("mobile number"), max_length=20, blank=True)
    mobile_verified_at = models.DateTimeField(_("mobile number confirmed"), null=True, blank=True)
    registered_at = models.DateTimeField(_("registered"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(business_id__isnull=False) | Q(group_id__isnull=False),
                name="organisation_has_an_identifier",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.identifier})"

    @property
    def identifier(self) -> str:
        return self.business_id or self.group_id or ""

    @property
    def is_registered(self) -> bool:
        return self.registered_at is not None


class AuthorizationSession(models.Model):
    """A person's e-Authorizations session for one organisation, kept on the server: its
    session id and access token never reach the browser. Rights checks ask the service again
    with these while the token lives."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    session_id = models.CharField(max_length=200)
    access_token = models.CharField(max_length=500, blank=True)
    token_expires_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"e-Authorizations session {self.pk}"
