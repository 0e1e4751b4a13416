"""Writes and reads of authorization codes, access tokens and used assertion ids."""

from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from asiointi.devidp.claims import Authentication
from asiointi.devidp.models import (
    CODE_LIFETIME,
    AccessToken,
    AuthorizationCode,
    Client,
    IdpSession,
    SessionClient,
    UsedAssertion,
    digest,
)

ACCESS_TOKEN_LIFETIME = timedelta(minutes=10)


@transaction.atomic
def code_create(
    *,
    code: str,
    client: Client,
    authentication: Authentication,
    issuer: str,
    params: dict[str, Any],
) -> AuthorizationCode:
    """Store a code for the client, and remember that this session has been to the client."""
    session = IdpSession.objects.get(sid=authentication.sid)
    SessionClient.objects.update_or_create(
        session=session, client=client, defaults={"issuer": issuer}
    )
    return AuthorizationCode.objects.create(
        digest=digest(code),
        client=client,
        session=session,
        redirect_uri=params.get("redirect_uri", ""),
        scope=params["scope"],
        nonce=params.get("nonce", ""),
        code_challenge=params.get("code_challenge", ""),
        code_challenge_method=params.get("code_challenge_method", ""),
        acr=authentication.acr,
        amr=list(authentication.amr),
        auth_time=datetime.fromtimestamp(authentication.auth_time, tz=UTC),
    )


@transaction.atomic
def code_redeem(*, code: str, client: Client) -> AuthorizationCode | None:
    """The code, spent for good; None if unknown, expired, or already spent.

    A code is spent on its first presentation, even one that fails later (bad PKCE verifier), and
    presenting a spent code again revokes the tokens issued for it (RFC 6749, 4.1.2).
    """
    found = (
        AuthorizationCode.objects.select_related("client", "session")
        .filter(digest=digest(code), client=client)
        .first()
    )
    if found is None:
        return None
    now = timezone.now()
    claimed = AuthorizationCode.objects.filter(pk=found.pk, used_at=None).update(used_at=now)
    if not claimed:
        AccessToken.objects.filter(code=found, revoked_at=None).update(revoked_at=now)
        return None
    if now > found.created_at + CODE_LIFETIME or not found.session.is_active:
        return None
    return found


def access_token_create(
    *, token: dict[str, Any], client: Client, code: AuthorizationCode
) -> AccessToken:
    now = timezone.now()
    return AccessToken.objects.create(
        digest=digest(token["access_token"]),
        client=client,
        code=code,
        session=code.session,
        authentication_data=asdict(code.authentication()),
        scope=token.get("scope", ""),
        expires_at=now + timedelta(seconds=int(token["expires_in"])),
    )


def access_token_by_value(value: str) -> AccessToken | None:
    return (
        AccessToken.objects.select_related("client", "session").filter(digest=digest(value)).first()
    )


def assertion_first_use(*, client: Client, jti: str, expires_at: int) -> bool:
    """Record a client assertion's jti; False when it has been seen before (a replay)."""
    now = timezone.now()
    UsedAssertion.objects.filter(expires_at__lt=now).delete()
    try:
        with transaction.atomic():
            UsedAssertion.objects.create(
                client=client, jti=jti, expires_at=datetime.fromtimestamp(expires_at, tz=UTC)
            )
    except IntegrityError:
        return False
    return True
