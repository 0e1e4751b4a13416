"""Verifying an OpenID Connect Back-Channel Logout token (OIDC Back-Channel Logout 1.0, 2.6)."""

import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from asiointi.identity.providers.registry import provider

EVENT = "http://schemas.openid.net/event/backchannel-logout"
MAX_AGE_SECONDS = 300


def verify_logout_token(token: str) -> dict[str, Any]:
    """The token's claims, or ValueError if it is not a valid, fresh, unused logout token."""
    app = provider("oidc").app  # type: ignore[attr-defined]
    try:
        key_set = KeySet.import_key_set(app.fetch_jwk_set())
        claims = dict(jwt.decode(token, key_set).claims)
    except (JoseError, ValueError) as error:
        raise ValueError("logout token signature") from error
    audience = claims.get("aud")
    audiences = audience if isinstance(audience, list) else [audience]
    if claims.get("iss") != settings.OIDC_ISSUER or settings.OIDC_CLIENT_ID not in audiences:
        raise ValueError("logout token issuer or audience")
    if EVENT not in (claims.get("events") or {}) or "nonce" in claims:
        raise ValueError("not a logout token")
    if abs(time.time() - float(claims.get("iat", 0))) > MAX_AGE_SECONDS:
        raise ValueError("logout token too old")
    if not (claims.get("sid") or claims.get("sub")):
        raise ValueError("logout token names no session")
    if not cache.add(f"identity:logout-jti:{claims.get('jti')}", 1, MAX_AGE_SECONDS * 2):
        raise ValueError("logout token replayed")
    return claims
