"""Encrypted ID token and userinfo (JWE, RSA-OAEP-256 + A256GCM) for clients registered so."""

import pytest
from django.test import Client as BrowserClient
from joserfc import jwe
from joserfc.errors import JoseError
from joserfc.jwe import JWERegistry
from joserfc.jwk import KeySet, RSAKey

from asiointi.devidp import claims
from asiointi.devidp.clients import ensure_client
from asiointi.devidp.models import Client
from asiointi.devidp.tests.support import (
    TESSA_HETU,
    AuthorizationRequest,
    authorization_request,
    basic,
    encryption_key_of,
    exchange,
    identify,
    query,
    verified_claims,
)

CALLBACK = "http://localhost/jwe/callback"
REGISTRY = JWERegistry(algorithms=["RSA-OAEP-256", "A256GCM"])


@pytest.fixture
def jwe_client(db: None, client_keys: KeySet) -> Client:
    return ensure_client(
        client_id="jwe-service",
        name="JWE service",
        secret="jwe-secret",
        redirect_uris=[CALLBACK],
        jwks=client_keys.as_dict(private=False),
        encrypt_tokens=True,
    )


def _tokens(idp: BrowserClient) -> tuple[dict[str, str], AuthorizationRequest]:
    request = authorization_request(client_id="jwe-service", redirect_uri=CALLBACK)
    code = query(identify(idp, request)["Location"])["code"]
    headers = {"Authorization": basic("jwe-service", "jwe-secret")}
    return exchange(idp, code, request, headers=headers).json(), request


def test_the_id_token_is_encrypted_to_the_clients_key_around_a_signed_token(
    idp: BrowserClient, jwe_client: Client, client_keys: KeySet
) -> None:
    tokens, request = _tokens(idp)
    id_token = tokens["id_token"]
    assert id_token.count(".") == 4  # JWE compact, not a 3-part JWS
    key = encryption_key_of(client_keys)
    opened = jwe.decrypt_compact(id_token, key, registry=REGISTRY)
    header = opened.headers()
    assert (header["alg"], header["enc"], header["kid"]) == ("RSA-OAEP-256", "A256GCM", key.kid)
    assert opened.plaintext is not None
    inner = verified_claims(opened.plaintext.decode(), idp)
    assert inner["nonce"] == request.nonce
    assert inner[claims.HETU] == TESSA_HETU


def test_no_other_key_opens_the_id_token(idp: BrowserClient, jwe_client: Client) -> None:
    tokens, _ = _tokens(idp)
    stranger = RSAKey.generate_key(2048, parameters={"use": "enc"})
    with pytest.raises(JoseError):
        jwe.decrypt_compact(tokens["id_token"], stranger, registry=REGISTRY)


def test_userinfo_is_a_signed_token_encrypted_to_the_client(
    idp: BrowserClient, jwe_client: Client, client_keys: KeySet
) -> None:
    tokens, _ = _tokens(idp)
    response = idp.get(
        "/devidp/userinfo", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/jwt"
    opened = jwe.decrypt_compact(
        response.content, encryption_key_of(client_keys), registry=REGISTRY
    )
    assert opened.plaintext is not None
    info = verified_claims(opened.plaintext.decode(), idp)
    assert info["aud"] == "jwe-service"
    assert info[claims.HETU] == TESSA_HETU
