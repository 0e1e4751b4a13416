"""Bearer tokens of the GDPR API: signed by the configured issuer (its keys from its discovery
document's JWKS, fetched again once when a key is unknown or a signature fails: a rotated key),
for this audience, unexpired, with the operation's scope and a high enough level of assurance."""

import logging
import threading
import time
from typing import Any

import requests
from django.conf import settings
from joserfc import jwt
from joserfc.errors import BadSignatureError, InvalidKeyIdError, JoseError
from joserfc.jwk import KeySet

from asiointi.identity.providers.base import ACR_TO_LOA

logger = logging.getLogger(__name__)

ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "ES256", "ES384"]
FETCH_TIMEOUT = 10
KEYS_KEPT_SECONDS = 60 * 60
# A token with an unknown key makes a fresh fetch at most this often, so a stream of forged
# tokens cannot turn the portal into a flood of requests to the issuer.
REFETCH_AFTER_SECONDS = 30
# Helsinki's profile tokens carry the API scopes in one of these (Tunnistamo, then Keycloak).
HELSINKI_SCOPES_CLAIM = "https://api.hel.fi/auth"


class TokenRefused(Exception):
    """`status` 401 for a token that proves nothing, 403 for one that may not do this."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


_lock = threading.Lock()
_cache: dict[str, tuple[float, KeySet]] = {}


class KeysUnavailable(Exception):
    pass


def _keys_fetch(issuer: str) -> KeySet:
    try:
        discovery = requests.get(
            f"{issuer}/.well-known/openid-configuration", timeout=FETCH_TIMEOUT
        )
        discovery.raise_for_status()
        response = requests.get(discovery.json()["jwks_uri"], timeout=FETCH_TIMEOUT)
        response.raise_for_status()
        return KeySet.import_key_set(response.json())
    except (requests.RequestException, KeyError, ValueError, JoseError) as error:
        raise KeysUnavailable(type(error).__name__) from error


def issuer_keys(issuer: str, *, fresh: bool = False) -> KeySet:
    with _lock:
        cached = _cache.get(issuer)
        kept = REFETCH_AFTER_SECONDS if fresh else KEYS_KEPT_SECONDS
        if cached and time.monotonic() - cached[0] < kept:
            return cached[1]
    keys = _keys_fetch(issuer)
    with _lock:
        _cache[issuer] = (time.monotonic(), keys)
    return keys


def _decoded(token: str, issuer: str) -> dict[str, Any]:
    try:
        return dict(jwt.decode(token, issuer_keys(issuer), algorithms=ALGORITHMS).claims)
    except (BadSignatureError, InvalidKeyIdError, ValueError):
        logger.info("GDPR API token did not verify with the cached keys: fetching again")
        return dict(
            jwt.decode(token, issuer_keys(issuer, fresh=True), algorithms=ALGORITHMS).claims
        )


def _scopes(claims: dict[str, Any]) -> set[str]:
    found = set(str(claims.get("scope", "")).split())
    for value in (
        claims.get("scp"),
        claims.get(HELSINKI_SCOPES_CLAIM),
        (claims.get("authorization") or {}).get("permissions", {}).get("scopes"),
    ):
        if isinstance(value, list):
            found.update(str(item) for item in value)
    return found


def _loa(claims: dict[str, Any]) -> str:
    return str(claims.get("loa") or ACR_TO_LOA.get(str(claims.get("acr", "")), ""))


def token_claims(authorization: str, *, scope: str) -> dict[str, Any]:
    """The token's verified claims, or TokenRefused with a reason of a few words."""
    kind, _space, token = authorization.partition(" ")
    if kind.lower() != "bearer" or not token.strip():
        raise TokenRefused(401, "no bearer token")
    issuer = settings.GDPR_API_ISSUER
    try:
        claims = _decoded(token.strip(), issuer)
        jwt.JWTClaimsRegistry(
            leeway=30,
            iss={"essential": True, "value": issuer},
            exp={"essential": True},
        ).validate(claims)
    except KeysUnavailable as error:
        logger.warning("GDPR API: the issuer's keys could not be fetched (%s)", error)
        raise TokenRefused(401, "issuer keys unavailable") from None
    except JoseError as error:
        raise TokenRefused(401, f"token refused: {error.error}") from None
    except ValueError:
        raise TokenRefused(401, "token refused: malformed") from None
    audiences = claims.get("aud")
    audiences = audiences if isinstance(audiences, list) else [audiences]
    if settings.GDPR_API_AUDIENCE not in audiences:
        raise TokenRefused(401, "token refused: audience")
    if scope not in _scopes(claims):
        raise TokenRefused(403, "scope missing")
    if _loa(claims) not in settings.GDPR_API_ACCEPTED_LOA:
        raise TokenRefused(403, "level of assurance too low")
    return claims
