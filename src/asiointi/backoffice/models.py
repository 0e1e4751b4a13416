from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device


class AgencyMembership(models.Model):
    """A member of staff working for an agency: what they may see and write is that agency's."""

    class Role(models.TextChoices):
        CLERK = "clerk", _("Clerk")
        SERVICE_MANAGER = "service_manager", _("Service manager")
        AGENCY_ADMIN = "agency_admin", _("Agency administrator")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="agency_memberships",
        verbose_name=_("member of staff"),
    )
    agency = models.ForeignKey(
        "catalogue.Agency",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("agency"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.CLERK)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("agency membership")
        verbose_name_plural = _("agency memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "agency"], name="agency_membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.agency}"

    @property
    def manages(self) -> bool:
        """A service manager or an agency administrator: more than a clerk."""
        return self.role != self.Role.CLERK


class CaseAssignment(models.Model):
    """Who at the agency handles a sent form (a case). One row per case, none when unassigned."""

    submission = models.OneToOneField(
        "submissions.Submission", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("handler"),
    )
    assigned_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["assignee"], name="case_assignee")]

    def __str__(self) -> str:
        return f"case {self.submission_id} → {self.assignee_id}"


class CaseNote(models.Model):
    """A note staff keep about a case; the customer never sees it."""

    submission = models.ForeignKey(
        "submissions.Submission", on_delete=models.CASCADE, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("note"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"note {self.pk} on {self.submission_id}"


class PlatformRole(models.Model):
    """A role over the whole portal rather than one agency's things: an auditor searches the audit
    log of every agency and every resident, and sees no case."""

    class Role(models.TextChoices):
        AUDITOR = "auditor", _("Auditor")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="platform_roles",
        verbose_name=_("member of staff"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("platform role")
        verbose_name_plural = _("platform roles")
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="platform_role_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_role_display()}"


class StaffOidcIdentity(Device):
    """A member of staff as the city's staff OpenID Connect provider knows them (issuer and
    subject). A django-otp device, so a login through the provider verifies the session as the
    password and authenticator code do; it accepts no typed code."""

    issuer: "models.CharField[str, str]" = models.CharField(max_length=300)
    subject: "models.CharField[str, str]" = models.CharField(max_length=255)

    class Meta:
        verbose_name = _("staff OpenID Connect identity")
        verbose_name_plural = _("staff OpenID Connect identities")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="staff_oidc_identity_unique")
        ]

    def verify_token(self, token: object) -> bool:
        return False


class DecisionTemplate(models.Model):
    """A decision's standard text an agency keeps, in fi/sv/en, with named placeholders filled for
    each case (`backoffice.decision_texts`); a clerk adds the reasoning when deciding."""

    agency = models.ForeignKey(
        "catalogue.Agency",
        on_delete=models.CASCADE,
        related_name="decision_templates",
        verbose_name=_("agency"),
    )
    name = models.CharField(_("name"), max_length=200)
    # None: any of the agency's services.
    service = models.ForeignKey(
        "catalogue.Service",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service"),
    )
    body_fi = models.TextField(_("decision text in Finnish"))
    body_sv = models.TextField(_("decision text in Swedish"), blank=True)
    body_en = models.TextField(_("decision text in English"), blank=True)
    appeal_fi = models.TextField(_("appeal instructions in Finnish"), blank=True)
    appeal_sv = models.TextField(_("appeal instructions in Swedish"), blank=True)
    appeal_en = models.TextField(_("appeal instructions in English"), blank=True)
    active = models.BooleanField(_("in use"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("decision template")
        verbose_name_plural = _("decision templates")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["agency", "active"], name="decision_template_agency")]

    def __str__(self) -> str:
        return self.name

    def text(self, part: str, language: str) -> str:
        """The body or the appeal instructions in `language`, else in Finnish."""
        return getattr(self, f"{part}_{language}", "") or getattr(self, f"{part}_fi")


class CaseSendKey(models.Model):
    """The key of one "send to the customer" form on a case page: a second press of the same form
    (a double click, two tabs) finds its key taken and sends nothing."""

    submission = models.ForeignKey(
        "submissions.Submission", on_delete=models.CASCADE, related_name="+"
    )
    key = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["submission", "key"], name="case_send_key_unique")
        ]

    def __str__(self) -> str:
        return f"{self.submission_id}: {self.key}"


class StaffInvitation(models.Model):
    """A one-time link for a member of staff to set a password (when they have none) and an
    authenticator app: sent when they are added to an agency or their second factor is reset.
    The link names the row, signed and expiring; the row says whether it was used."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    agency = models.ForeignKey(
        "catalogue.Agency", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)
    # The authenticator app's secret the set-up page shows; emptied once used.
    totp_key = models.CharField(max_length=80, blank=True)

    def __str__(self) -> str:
        return f"invitation {self.pk} of {self.user_id}"
