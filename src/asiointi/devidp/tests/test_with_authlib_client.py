"""A real relying party: authlib's OAuth2Session over HTTP against the running provider, with the
person's browser played by a requests session that reads and submits the provider's forms."""

import secrets
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import requests
from authlib.integrations.requests_client import OAuth2Session
from authlib.oauth2.rfc7523 import PrivateKeyJWT
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from authlib.oidc.core import CodeIDToken
from django.conf import LazySettings
from joserfc import jwe, jwt
from joserfc.jwe import JWERegistry
from joserfc.jwk import KeySet
from pytest_django.live_server_helper import LiveServer

from asiointi.devidp import claims
from asiointi.devidp.models import Client, SigningKey
from asiointi.devidp.tests.support import (
    TESSA_HETU,
    encryption_key_of,
    form,
    signing_key_of,
)

CALLBACK_PATH = "/identity/oidc/callback/"


def _metadata(live_server: LiveServer) -> dict[str, Any]:
    response = requests.get(f"{live_server.url}/devidp/.well-known/openid-configuration", timeout=5)
    response.raise_for_status()
    return dict(response.json())


def _walk(authorization_url: str, *, person: str = "testila-tessa") -> str:
    """A person identifying in their browser; the address the provider sends them back to."""
    base = authorization_url.split("/devidp/")[0]
    # Closed when done: a kept-alive connection would outlive the live server's database.
    with requests.Session() as browser:
        page = browser.get(authorization_url, timeout=5)
        assert page.status_code == 200, page.text
        chooser = form(page.text, "/devidp/authorize/method")
        page = browser.post(base + chooser.action, {**chooser.fields, "action": "bank"}, timeout=5)
        persons = form(page.text, "/devidp/authorize/person")
        data = {**persons.fields, "person": person, "action": "identify"}
        answer = browser.post(base + persons.action, data, allow_redirects=False, timeout=5)
    assert answer.status_code == 302, answer.text
    return str(answer.headers["Location"])


def _id_token(raw: str, metadata: dict[str, Any], client_id: str, nonce: str) -> CodeIDToken:
    key_set = KeySet.import_key_set(requests.get(metadata["jwks_uri"], timeout=5).json())
    token = jwt.decode(raw, key_set, algorithms=["RS256"])
    options = {"iss": {"values": [metadata["issuer"]]}, "aud": {"values": [client_id]}}
    id_token = CodeIDToken(token.claims, token.header, options=options, params={"nonce": nonce})
    id_token.validate(leeway=5)
    return id_token


@pytest.fixture
def relying_party() -> Iterator[Callable[..., OAuth2Session]]:
    """authlib's client, closed after the test so no connection outlives the live server."""
    made: list[OAuth2Session] = []

    def make(*args: Any, **kwargs: Any) -> OAuth2Session:
        made.append(OAuth2Session(*args, **kwargs))
        return made[-1]

    yield make
    for session in made:
        session.close()


def test_authlib_logs_in_with_the_portals_client(
    live_server: LiveServer,
    provider_key: SigningKey,
    settings: LazySettings,
    relying_party: Callable[..., OAuth2Session],
) -> None:
    metadata = _metadata(live_server)
    assert metadata["issuer"] == f"{live_server.url}/devidp"
    session = relying_party(
        settings.DEVIDP_CLIENT_ID,
        settings.DEVIDP_CLIENT_SECRET,
        scope="openid profile",
        redirect_uri=live_server.url + CALLBACK_PATH,
        code_challenge_method="S256",
    )
    verifier, nonce = secrets.token_urlsafe(48), secrets.token_urlsafe(16)
    url, _ = session.create_authorization_url(
        metadata["authorization_endpoint"], code_verifier=verifier, nonce=nonce, ui_locales="fi"
    )
    callback = _walk(url)
    token = session.fetch_token(
        metadata["token_endpoint"], authorization_response=callback, code_verifier=verifier
    )
    id_token = _id_token(token["id_token"], metadata, settings.DEVIDP_CLIENT_ID, nonce)
    assert id_token[claims.HETU] == TESSA_HETU
    userinfo = session.get(metadata["userinfo_endpoint"], timeout=5).json()
    assert userinfo["sub"] == id_token["sub"]
    assert userinfo[claims.SURNAME] == "Testilä"


def test_authlib_logs_in_with_every_trust_network_option(
    live_server: LiveServer,
    provider_key: SigningKey,
    ftn_client: Client,
    client_keys: KeySet,
    relying_party: Callable[..., OAuth2Session],
) -> None:
    metadata = _metadata(live_server)
    signing = signing_key_of(client_keys)
    redirect_uri = ftn_client.redirect_uris[0].replace("http://localhost", live_server.url)
    ftn_client.redirect_uris = [redirect_uri]
    ftn_client.save()
    session = relying_party(
        ftn_client.client_id,
        signing,
        token_endpoint_auth_method=PrivateKeyJWT.name,
        redirect_uri=redirect_uri,
    )
    session.register_client_auth_method(
        PrivateKeyJWT(metadata["token_endpoint"], headers={"kid": signing.kid})
    )
    verifier, nonce, state = (secrets.token_urlsafe(48) for _ in range(3))
    request_claims = {
        "iss": ftn_client.client_id,
        "aud": metadata["issuer"],
        "client_id": ftn_client.client_id,
        "response_type": "code",
        "redirect_uri": redirect_uri,
        "scope": "openid",
        "state": state,
        "nonce": nonce,
        "code_challenge": create_s256_code_challenge(verifier),
        "code_challenge_method": "S256",
        "acr_values": claims.LOA_HIGH,
    }
    header = {"alg": "RS256", "kid": signing.kid, "typ": "oauth-authz-req+jwt"}
    request_object = jwt.encode(header, request_claims, signing)
    url, _ = session.create_authorization_url(
        metadata["authorization_endpoint"], request=request_object
    )
    callback = _walk(url, person="merkkinen-bea")
    token = session.fetch_token(
        metadata["token_endpoint"],
        authorization_response=callback,
        code_verifier=verifier,
        state=state,
    )
    registry = JWERegistry(algorithms=["RSA-OAEP-256", "A256GCM"])
    opened = jwe.decrypt_compact(
        token["id_token"], encryption_key_of(client_keys), registry=registry
    )
    assert opened.plaintext is not None
    id_token = _id_token(opened.plaintext.decode(), metadata, ftn_client.client_id, nonce)
    assert id_token[claims.HETU] == "010516B903X"
    assert id_token["acr"] == claims.LOA_HIGH
