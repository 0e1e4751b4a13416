from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from asiointi.privacy.identity_codes import identity_code_decrypt, identity_code_mask


class User(AbstractUser):
    """An account: a resident identified strongly, or a member of staff.

    A resident is found by the keyed hash of their identity code, so the same person logging in
    by any method is the same account; the code itself is kept only encrypted.
    """

    # NULL, not "", for staff: unique must hold only among residents.
    identity_code_digest = models.CharField(  # noqa: DJ001
        max_length=64, unique=True, null=True, editable=False
    )
    identity_code_encrypted = models.TextField(blank=True, editable=False)
    # The person's stable identifier at the OpenID provider (`sub`): how the city's profile
    # service names them to the GDPR API. SAML's NameID is transient at Suomi.fi, so not kept.
    provider_subject = models.CharField(
        max_length=200, unique=True, null=True, blank=True, editable=False
    )
    home_municipality_code = models.CharField(_("home municipality code"), max_length=3, blank=True)
    home_municipality_name = models.CharField(_("home municipality"), max_length=100, blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=5, blank=True)
    post_office = models.CharField(_("post office"), max_length=100, blank=True)
    registered_at = models.DateTimeField(_("registered"), null=True, blank=True)
    # Contact details are set only through a confirmed code (registration app); `email` is Django's.
    email_verified_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    mobile_number = models.CharField(_("mobile number"), max_length=20, blank=True)
    mobile_verified_at = models.DateTimeField(_("mobile number confirmed"), null=True, blank=True)

    @property
    def is_resident(self) -> bool:
        return self.identity_code_digest is not None

    @property
    def is_registered(self) -> bool:
        return self.registered_at is not None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def identity_code_masked(self) -> str:
        if not self.identity_code_encrypted:
            return ""
        return identity_code_mask(identity_code_decrypt(self.identity_code_encrypted))


class LoginSession(models.Model):
    """Ties a portal session to the identity provider's session, so a logout started at the
    provider (back-channel or SAML LogoutRequest) can end the right portal session."""

    session_key = models.CharField(max_length=40, unique=True)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="login_sessions")
    provider = models.CharField(max_length=20)
    provider_session_id = models.CharField(max_length=200, blank=True, db_index=True)
    provider_subject = models.CharField(max_length=200, blank=True, db_index=True)
    # The session this login replaced in the same browser: a second answer from another tab,
    # arriving at the same moment, joins this login instead of starting another.
    replaced_session_key = models.CharField(max_length=40, blank=True, db_index=True)
    # The provider's ID token (encrypted: it may carry the identity code), sent back as
    # id_token_hint so the provider ends its session without asking again.
    id_token_encrypted = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.provider} session of {self.user_id}"
