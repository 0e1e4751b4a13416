"""Signed request objects (RFC 9101), required of clients registered so."""

from typing import Any

import pytest
from django.test import Client as BrowserClient
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey

from asiointi.devidp.clients import ensure_client
from asiointi.devidp.models import Client
from asiointi.devidp.tests.support import (
    ISSUER,
    AuthorizationRequest,
    authorization_request,
    identify,
    query,
    request_object,
)

CALLBACK = "http://localhost/jar/callback"


@pytest.fixture
def jar_client(db: None, client_keys: KeySet) -> Client:
    return ensure_client(
        client_id="jar-service",
        name="JAR service",
        secret="jar-secret",
        redirect_uris=[CALLBACK],
        jwks=client_keys.as_dict(private=False),
        require_signed_request_object=True,
    )


def _request() -> AuthorizationRequest:
    return authorization_request(client_id="jar-service", redirect_uri=CALLBACK)


def test_a_client_that_requires_request_objects_is_refused_without_one(
    idp: BrowserClient, jar_client: Client
) -> None:
    response = idp.get("/devidp/authorize", _request().params)
    assert response.status_code == 400
    assert "Location" not in response
    assert "invalid_request" in response.content.decode()


def test_a_signed_request_object_is_served_with_its_own_parameters(
    idp: BrowserClient, jar_client: Client, client_keys: KeySet
) -> None:
    request = _request()
    outer = request_object(client_keys, request)
    # Parameters outside the request object are not used (RFC 9101, 6.3).
    outer["redirect_uri"] = "http://evil.example/callback"
    outer["state"] = "not-this-one"
    response = identify(idp, outer)
    assert response["Location"].startswith(CALLBACK + "?")
    assert query(response["Location"])["state"] == request.state


@pytest.mark.parametrize(
    "overrides",
    [{"aud": "http://elsewhere.example/devidp"}, {"client_id": "other-service"}, {"exp": 1}],
    ids=["audience is not the issuer", "client_id differs", "expired"],
)
def test_a_faulty_request_object_is_refused(
    idp: BrowserClient, jar_client: Client, client_keys: KeySet, overrides: dict[str, Any]
) -> None:
    outer = request_object(client_keys, _request(), **overrides)
    response = idp.get("/devidp/authorize", outer)
    assert response.status_code == 400
    assert "Location" not in response


def test_a_request_object_signed_with_another_key_is_refused(
    idp: BrowserClient, jar_client: Client
) -> None:
    stranger = KeySet([RSAKey.generate_key(2048, parameters={"use": "sig"}, auto_kid=True)])
    outer = request_object(stranger, _request())
    assert idp.get("/devidp/authorize", outer).status_code == 400


@pytest.mark.filterwarnings("ignore::joserfc.errors.SecurityWarning")
def test_an_unsigned_request_object_is_refused(idp: BrowserClient, jar_client: Client) -> None:
    request = _request()
    claims = {**request.params, "iss": "jar-service", "aud": ISSUER}
    unsigned = jwt.encode({"alg": "none"}, claims, None, algorithms=["none"])  # type: ignore[arg-type]
    outer = {"client_id": "jar-service", "request": unsigned}
    assert idp.get("/devidp/authorize", outer).status_code == 400
