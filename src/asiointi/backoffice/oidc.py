"""Staff login through the city's staff OpenID Connect provider, when STAFF_OIDC_ISSUER is set.

The provider's subject is remembered per member (`StaffOidcIdentity`); on a first login the
member is found by the e-mail address the provider gives (an existing member of an agency's staff
or a platform superuser, exactly one). Nobody is created here: staff accounts and memberships are
made by agency administrators and the platform's administrators."""

import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from authlib.integrations.base_client import OAuthError
from authlib.integrations.django_client import DjangoOAuth2App, OAuth
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from requests import RequestException

from asiointi.backoffice.models import StaffOidcIdentity
from asiointi.identity.models import User

logger = logging.getLogger(__name__)


class StaffOidcFailed(Exception):
    """The provider did not identify a member of staff; `reason` goes to the log only."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def staff_oidc_enabled() -> bool:
    return bool(settings.STAFF_OIDC_ISSUER)


@lru_cache(maxsize=4)
def _app(issuer: str, client_id: str, secret: str, scope: str) -> DjangoOAuth2App:
    return OAuth().register(  # type: ignore[no-any-return]
        name="staff_oidc",
        client_id=client_id,
        client_secret=secret,
        server_metadata_url=f"{issuer}/.well-known/openid-configuration",
        client_kwargs={"scope": scope, "code_challenge_method": "S256", "timeout": 10},
    )


def _client() -> DjangoOAuth2App:
    return _app(
        settings.STAFF_OIDC_ISSUER,
        settings.STAFF_OIDC_CLIENT_ID,
        settings.STAFF_OIDC_CLIENT_SECRET,
        settings.STAFF_OIDC_SCOPE,
    )


def callback_url(request: HttpRequest) -> str:
    return request.build_absolute_uri(reverse("backoffice_protocol:oidc_callback"))


def staff_oidc_start(request: HttpRequest) -> HttpResponse:
    """To the provider, with state, nonce and PKCE kept in the session."""
    try:
        return _client().authorize_redirect(request, callback_url(request))  # type: ignore[no-any-return]
    except (OAuthError, RequestException, ValueError) as error:
        raise StaffOidcFailed(f"could not start: {error}") from None


@dataclass(frozen=True)
class StaffClaims:
    subject: str
    email: str


def _claims(request: HttpRequest) -> StaffClaims:
    try:
        token = _client().authorize_access_token(request)
    except (OAuthError, RequestException, ValueError, KeyError) as error:
        raise StaffOidcFailed(f"token refused: {error}") from None
    claims: dict[str, Any] = dict(token.get("userinfo") or {})
    subject = str(claims.get("sub") or "")
    if not subject:
        raise StaffOidcFailed("no subject in the ID token")
    verified = claims.get("email_verified", True) not in (False, "false")
    email = str(claims.get("email") or "") if verified else ""
    return StaffClaims(subject=subject, email=email.strip().lower())


def _staff() -> Any:
    return User.objects.filter(is_active=True).filter(
        Q(is_superuser=True) | Q(agency_memberships__isnull=False)
    )


@transaction.atomic
def staff_identity_for(*, issuer: str, claims: StaffClaims) -> StaffOidcIdentity:
    """The member the provider's login is: known by subject, or found once by e-mail."""
    known = StaffOidcIdentity.objects.select_related("user").filter(
        issuer=issuer, subject=claims.subject
    )
    identity = known.first()
    if identity is not None:
        if not _staff().filter(pk=identity.user_id).exists():
            raise StaffOidcFailed(f"user {identity.user_id} is no longer staff")
        return identity
    if not claims.email:
        raise StaffOidcFailed("unknown subject and no verified e-mail address")
    found = list(_staff().filter(email__iexact=claims.email).distinct()[:2])
    if len(found) != 1:
        raise StaffOidcFailed(f"{len(found)} staff accounts have the e-mail address")
    identity, _new = StaffOidcIdentity.objects.get_or_create(
        issuer=issuer,
        subject=claims.subject,
        defaults={"user": found[0], "name": "staff OpenID Connect", "confirmed": True},
    )
    return identity


def staff_oidc_finish(request: HttpRequest) -> StaffOidcIdentity:
    """The member of staff the provider identified, or StaffOidcFailed."""
    if "error" in request.GET:
        raise StaffOidcFailed(f"provider answered {request.GET.get('error', '')[:100]}")
    identity = staff_identity_for(issuer=settings.STAFF_OIDC_ISSUER, claims=_claims(request))
    logger.info("staff user %s identified by the staff OpenID Connect provider", identity.user_id)
    return identity
