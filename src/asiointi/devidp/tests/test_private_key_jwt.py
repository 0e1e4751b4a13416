"""private_key_jwt client authentication (RFC 7523), enforced for clients registered with it."""

from typing import Any

import pytest
from django.test import Client as BrowserClient
from joserfc.jwk import KeySet, RSAKey

from asiointi.devidp.clients import ensure_client
from asiointi.devidp.models import Client
from asiointi.devidp.tests.support import (
    AuthorizationRequest,
    assertion_auth,
    authorization_request,
    basic,
    client_assertion,
    exchange,
    identify,
    query,
    verified_claims,
)

CALLBACK = "http://localhost/pkj/callback"


@pytest.fixture
def pkj_client(db: None, client_keys: KeySet) -> Client:
    # A secret is registered too, so that refusing it proves the method is enforced.
    return ensure_client(
        client_id="pkj-service",
        name="PKJ service",
        auth_method=Client.AuthMethod.PRIVATE_KEY_JWT,
        secret="leaked-secret",
        redirect_uris=[CALLBACK],
        jwks=client_keys.as_dict(private=False),
    )


def _code(idp: BrowserClient) -> tuple[str, AuthorizationRequest]:
    request = authorization_request(client_id="pkj-service", redirect_uri=CALLBACK)
    return query(identify(idp, request)["Location"])["code"], request


def test_a_signed_assertion_authenticates_the_client(
    idp: BrowserClient, pkj_client: Client, client_keys: KeySet
) -> None:
    code, request = _code(idp)
    auth = assertion_auth(client_assertion(client_keys, "pkj-service"))
    response = exchange(idp, code, request, auth=auth)
    assert response.status_code == 200, response.content
    assert verified_claims(response.json()["id_token"], idp)["aud"] == "pkj-service"


@pytest.mark.parametrize("how", ["basic", "post"])
def test_a_client_registered_for_private_key_jwt_cannot_use_a_secret(
    idp: BrowserClient, pkj_client: Client, how: str
) -> None:
    code, request = _code(idp)
    if how == "basic":
        headers = {"Authorization": basic("pkj-service", "leaked-secret")}
        response = exchange(idp, code, request, headers=headers)
    else:
        auth = {"client_id": "pkj-service", "client_secret": "leaked-secret"}
        response = exchange(idp, code, request, auth=auth)
    assert response.json()["error"] == "invalid_client"
    assert "id_token" not in response.json()


@pytest.mark.parametrize(
    "overrides",
    [
        {"no_kid": True},
        {"aud": "http://localhost/devidp/elsewhere"},
        {"exp": 1_000_000},
        {"iss": "someone-else"},
    ],
    ids=["without kid", "wrong audience", "expired", "issuer is not the client"],
)
def test_a_faulty_assertion_is_refused(
    idp: BrowserClient, pkj_client: Client, client_keys: KeySet, overrides: dict[str, Any]
) -> None:
    code, request = _code(idp)
    auth = assertion_auth(client_assertion(client_keys, "pkj-service", **overrides))
    assert exchange(idp, code, request, auth=auth).json()["error"] == "invalid_client"


def test_an_assertion_signed_with_another_key_is_refused(
    idp: BrowserClient, pkj_client: Client
) -> None:
    stranger = KeySet([RSAKey.generate_key(2048, parameters={"use": "sig"}, auto_kid=True)])
    code, request = _code(idp)
    auth = assertion_auth(client_assertion(stranger, "pkj-service"))
    assert exchange(idp, code, request, auth=auth).json()["error"] == "invalid_client"


def test_an_assertion_cannot_be_replayed(
    idp: BrowserClient, pkj_client: Client, client_keys: KeySet
) -> None:
    assertion = client_assertion(client_keys, "pkj-service")
    code, request = _code(idp)
    assert exchange(idp, code, request, auth=assertion_auth(assertion)).status_code == 200
    code, request = _code(idp)
    replay = exchange(idp, code, request, auth=assertion_auth(assertion))
    assert replay.json()["error"] == "invalid_client"
