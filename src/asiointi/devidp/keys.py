"""The provider's signing key, and the clients' keys: for checking their signatures and for
encrypting what is sent to them."""

from typing import Any

import requests
from django.db import IntegrityError, transaction
from joserfc import jwe, jwt
from joserfc.jwe import JWERegistry
from joserfc.jwk import Key, KeySet, RSAKey

from asiointi.devidp.context import current_origin
from asiointi.devidp.models import Client, SigningKey

SIGNING_ALG = "RS256"
ENCRYPTION_ALG = "RSA-OAEP-256"
ENCRYPTION_ENC = "A256GCM"
CLIENT_SIGNING_ALGS = ["RS256", "PS256", "ES256"]
# joserfc leaves RSA-OAEP-256 out of its default registry; the Trust Network uses it.
JWE_REGISTRY = JWERegistry(algorithms=[ENCRYPTION_ALG, ENCRYPTION_ENC])
PRIMARY = "primary"
JWKS_FETCH_TIMEOUT = 5


class ClientKeyError(Exception):
    """The client has no usable key for what it has asked for."""


def signing_key() -> RSAKey:
    row = SigningKey.objects.filter(name=PRIMARY).first() or _create_signing_key()
    return RSAKey.import_key(row.private_jwk)


def _create_signing_key() -> SigningKey:
    key = RSAKey.generate_key(2048, parameters={"use": "sig", "alg": SIGNING_ALG}, auto_kid=True)
    try:
        with transaction.atomic():
            return SigningKey.objects.create(
                name=PRIMARY, kid=str(key.kid), private_jwk=key.as_dict(private=True)
            )
    except IntegrityError:
        # Another worker made it first: everyone signs with that one.
        return SigningKey.objects.get(name=PRIMARY)


def public_jwks() -> dict[str, Any]:
    signing_key()
    keys = [RSAKey.import_key(row.private_jwk) for row in SigningKey.objects.order_by("pk")]
    return {"keys": [key.as_dict(private=False) for key in keys]}


def sign(claims: dict[str, Any], *, typ: str = "JWT") -> str:
    key = signing_key()
    return jwt.encode({"alg": SIGNING_ALG, "kid": key.kid, "typ": typ}, claims, key)


def _client_keys(client: Client) -> list[Key]:
    if client.jwks:
        return list(KeySet.import_key_set(client.jwks).keys)
    if client.jwks_uri:
        uri = client.absolute_uri(client.jwks_uri, current_origin())
        try:
            response = requests.get(uri, timeout=JWKS_FETCH_TIMEOUT)
            response.raise_for_status()
            return list(KeySet.import_key_set(response.json()).keys)
        except (requests.RequestException, ValueError) as error:
            raise ClientKeyError(f"cannot fetch the client's keys from {uri}") from error
    return []


def client_verification_keys(client: Client) -> KeySet:
    """The client's public keys for private_key_jwt assertions and request objects."""
    return KeySet([key for key in _client_keys(client) if key.get("use") != "enc"])


def client_encryption_key(client: Client) -> Key:
    for key in _client_keys(client):
        if key.get("use") == "enc" or key.get("alg") == ENCRYPTION_ALG:
            return key
    raise ClientKeyError("the client has no encryption key (use=enc)")


def encrypt_for(client: Client, signed_jwt: str) -> str:
    """A signed JWT nested in a JWE that only the client's private key opens."""
    key = client_encryption_key(client)
    header = {"alg": ENCRYPTION_ALG, "enc": ENCRYPTION_ENC, "cty": "JWT"}
    if key.kid:
        header["kid"] = key.kid
    return jwe.encrypt_compact(header, signed_jwt, key, registry=JWE_REGISTRY)
