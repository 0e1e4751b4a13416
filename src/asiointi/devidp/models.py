"""What the test identity provider remembers: clients, its signing key, sessions, codes, tokens.

The client, code and token models carry the small methods authlib's server calls on them.
"""

import hashlib
import secrets
from datetime import timedelta

from authlib.oauth2.rfc6749 import ClientMixin, TokenMixin, list_to_scope, scope_to_list
from authlib.oidc.core import AuthorizationCodeMixin
from django.db import models
from django.utils import timezone

from asiointi.devidp.claims import Authentication
from asiointi.devidp.context import current_origin

SCOPES_SUPPORTED = ["openid", "profile", "email", "address"]
SECRET_METHODS = ("client_secret_basic", "client_secret_post")
CODE_LIFETIME = timedelta(minutes=2)
SESSION_LIFETIME = timedelta(hours=8)


def digest(value: str) -> str:
    """Codes and tokens are stored hashed: a database copy gives no working credentials."""
    return hashlib.sha256(value.encode()).hexdigest()


def new_sid() -> str:
    return secrets.token_urlsafe(24)


class Client(models.Model, ClientMixin):  # type: ignore[misc]
    class AuthMethod(models.TextChoices):
        SECRET = "client_secret", "client_secret_basic, client_secret_post"
        PRIVATE_KEY_JWT = "private_key_jwt", "private_key_jwt"

    client_id = models.CharField(max_length=100, unique=True)
    name = models.CharField(max_length=200)
    secret = models.CharField(max_length=200, blank=True)
    auth_method = models.CharField(
        max_length=20, choices=AuthMethod.choices, default=AuthMethod.SECRET
    )
    redirect_uris = models.JSONField(default=list)
    post_logout_redirect_uris = models.JSONField(default=list, blank=True)
    backchannel_logout_uri = models.CharField(max_length=500, blank=True)
    jwks = models.JSONField(default=dict, blank=True)
    jwks_uri = models.CharField(max_length=500, blank=True)
    # The built-in client: its URIs are paths on the issuer's own origin, whatever the port.
    same_origin_paths = models.BooleanField(default=False)
    require_signed_request_object = models.BooleanField(default=False)
    encrypt_tokens = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.client_id

    def absolute_uri(self, uri: str, origin: str) -> str:
        return f"{origin}{uri}" if self.same_origin_paths and uri else uri

    def check_post_logout_redirect_uri(self, uri: str) -> bool:
        origin = current_origin()
        return uri in [self.absolute_uri(u, origin) for u in self.post_logout_redirect_uris]

    # authlib's ClientMixin

    def get_client_id(self) -> str:
        return self.client_id

    def get_default_redirect_uri(self) -> None:
        return None  # every request names its redirect_uri

    def get_allowed_scope(self, scope: str | None) -> str | None:
        requested = scope_to_list(scope) or []
        if "openid" not in requested:
            return None  # an OpenID Provider only: refused as invalid_scope
        return str(list_to_scope([s for s in requested if s in SCOPES_SUPPORTED]))

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        origin = current_origin()
        return redirect_uri in [self.absolute_uri(u, origin) for u in self.redirect_uris]

    def check_client_secret(self, client_secret: str) -> bool:
        if not self.secret or self.auth_method != self.AuthMethod.SECRET:
            return False
        return secrets.compare_digest(self.secret.encode(), client_secret.encode())

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        if self.auth_method == self.AuthMethod.PRIVATE_KEY_JWT:
            return method == "private_key_jwt"
        return method in SECRET_METHODS

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type == "authorization_code"


class SigningKey(models.Model):
    """The provider's RSA key, made on first use and shared by every worker through the database."""

    name = models.CharField(max_length=20, unique=True)
    kid = models.CharField(max_length=100, unique=True)
    private_jwk = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.kid


class IdpSession(models.Model):
    """The provider's own session with a browser: one test person, known by its sid."""

    sid = models.CharField(max_length=64, unique=True, default=new_sid)
    person_key = models.CharField(max_length=50)
    method = models.CharField(max_length=10)
    acr = models.CharField(max_length=100)
    auth_time = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.sid

    @property
    def is_active(self) -> bool:
        return self.ended_at is None and timezone.now() < self.created_at + SESSION_LIFETIME


class SessionClient(models.Model):
    """A client the person was sent to from this session, and the issuer it knows us by."""

    session = models.ForeignKey(IdpSession, on_delete=models.CASCADE, related_name="links")
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    issuer = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "client"], name="devidp_one_link_per_client")
        ]

    def __str__(self) -> str:
        return f"{self.session} → {self.client}"


class AuthorizationCode(models.Model, AuthorizationCodeMixin):  # type: ignore[misc]
    digest = models.CharField(max_length=64, unique=True)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    session = models.ForeignKey(IdpSession, on_delete=models.CASCADE, related_name="+")
    redirect_uri = models.CharField(max_length=500)
    scope = models.CharField(max_length=200)
    nonce = models.CharField(max_length=255, blank=True)
    code_challenge = models.CharField(max_length=128)
    code_challenge_method = models.CharField(max_length=10)
    acr = models.CharField(max_length=100)
    amr = models.JSONField(default=list)
    auth_time = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"code for {self.client}"

    def authentication(self) -> Authentication:
        return Authentication(
            person_key=self.session.person_key,
            client_id=self.client.client_id,
            sid=self.session.sid,
            acr=self.acr,
            amr=tuple(self.amr),
            auth_time=int(self.auth_time.timestamp()),
        )

    # authlib's AuthorizationCodeMixin

    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope

    def get_nonce(self) -> str:
        return self.nonce

    def get_auth_time(self) -> int:
        return int(self.auth_time.timestamp())

    def get_acr(self) -> str:
        return self.acr

    def get_amr(self) -> list[str]:
        return list(self.amr)


class AccessToken(models.Model, TokenMixin):  # type: ignore[misc]
    digest = models.CharField(max_length=64, unique=True)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    code = models.ForeignKey(
        AuthorizationCode, on_delete=models.SET_NULL, null=True, related_name="tokens"
    )
    session = models.ForeignKey(IdpSession, on_delete=models.CASCADE, related_name="+")
    authentication_data = models.JSONField()
    scope = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"token for {self.client}"

    # authlib's TokenMixin

    def check_client(self, client: Client) -> bool:
        return bool(client.pk == self.client_id)

    def get_scope(self) -> str:
        return self.scope

    def get_expires_in(self) -> int:
        return int((self.expires_at - self.created_at).total_seconds())

    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    def is_revoked(self) -> bool:
        # Ending the provider session (logout) ends its tokens too.
        return self.revoked_at is not None or not self.session.is_active

    def get_user(self) -> Authentication:
        data = self.authentication_data
        return Authentication(**{**data, "amr": tuple(data["amr"])})

    def get_client(self) -> Client:
        return self.client


class UsedAssertion(models.Model):
    """A private_key_jwt assertion's jti, kept until the assertion expires, to refuse replays."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    jti = models.CharField(max_length=255)
    expires_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["client", "jti"], name="devidp_jti_used_once")
        ]

    def __str__(self) -> str:
        return self.jti


class DemoOrganisation(models.Model):
    """An organisation of the test e-Authorizations service (demo/organisations.toml)."""

    identifier = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=40)

    def __str__(self) -> str:
        return f"{self.name} ({self.identifier})"


class DemoRole(models.Model):
    """A test person's roles in an organisation and the mandates they hold for it. Deleting the
    row takes them away, as the trade register or the mandate's giver would."""

    person_key = models.CharField(max_length=100)
    organisation = models.ForeignKey(DemoOrganisation, on_delete=models.CASCADE)
    roles = models.JSONField(default=list, blank=True)
    issues = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person_key", "organisation"], name="one_role_row")
        ]

    def __str__(self) -> str:
        return f"{self.person_key} in {self.organisation_id}"


class AuthorizationSession(models.Model):
    """One "ypa" session: registered by the portal, the organisation picked by the person, then
    one code and one access token. Codes and tokens are kept hashed."""

    session_id = models.CharField(max_length=64, unique=True)
    user_id = models.CharField(max_length=64, unique=True)
    client_id = models.CharField(max_length=100)
    person_key = models.CharField(max_length=100, blank=True)
    organisation = models.ForeignKey(
        DemoOrganisation, null=True, blank=True, on_delete=models.SET_NULL
    )
    code_digest = models.CharField(max_length=64, blank=True, db_index=True)
    code_expires_at = models.DateTimeField(null=True, blank=True)
    redirect_uri = models.CharField(max_length=500, blank=True)
    token_digest = models.CharField(max_length=64, blank=True, db_index=True)
    token_expires_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"e-Authorizations session {self.pk}"
