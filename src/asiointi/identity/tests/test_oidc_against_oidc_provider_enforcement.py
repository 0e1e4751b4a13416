"""The peer really enforces the Finnish Trust Network options for its FTN client, so the portal's
successful FTN login proves the portal used them; a disabled oidc-provider feature would have
dropped the client's metadata without a word."""

import json
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest
import requests
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from asiointi.identity.keys import generate_keys
from asiointi.identity.providers.oidc import HETU
from asiointi.identity.tests.oidc_peer.flow import FAILED, decrypted, header_of, log_in
from asiointi.identity.tests.oidc_peer.peer import FTN, PeerPortal, encryption_key_of

pytest_plugins = ["asiointi.identity.tests.oidc_peer.fixtures"]
pytestmark = pytest.mark.django_db(transaction=True)


def test_the_peer_refuses_a_request_that_is_not_signed(peer_portal: PeerPortal) -> None:
    peer_portal.use(FTN, signed_requests=False)
    login = log_in(peer_portal.url)
    assert FAILED in login.landing.text
    assert login.callback_query["error_description"] == "Request Object must be used by this client"
    assert not peer_portal.peer.tap.to("/token")


def test_the_peer_refuses_a_request_without_pkce(peer_portal: PeerPortal) -> None:
    login = log_in(peer_portal.url, alter_request=without_pkce)
    assert FAILED in login.landing.text
    assert "PKCE" in login.callback_query["error_description"]


def without_pkce(url: str) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if not k.startswith("code_challenge")]
    return urlunsplit(parts._replace(query=urlencode(query)))


def test_the_peer_refuses_a_client_secret_from_the_private_key_jwt_client(
    peer_portal: PeerPortal,
) -> None:
    # The same secret as the plain client's, which the peer accepts from that one.
    peer_portal.use(FTN, client_auth="client_secret_basic")
    login = log_in(peer_portal.url)
    assert FAILED in login.landing.text
    token_request = peer_portal.peer.tap.to("/token")[0]
    assert token_request.request_headers["Authorization"].startswith("Basic ")
    assert token_request.status == 401
    assert json.loads(token_request.response_body)["error"] == "invalid_client"


def test_the_peer_encrypts_the_id_token_and_userinfo_to_the_portal_key_only(
    peer_portal: PeerPortal,
) -> None:
    peer_portal.use(FTN)
    log_in(peer_portal.url)
    peer = peer_portal.peer
    response = peer.tap.token_responses()[0]
    id_token = response["id_token"]
    assert id_token.count(".") == 4
    assert header_of(id_token)["alg"] == "RSA-OAEP-256"
    assert header_of(id_token)["kid"] == peer.client_encryption_key.kid
    # Copied from the claims (RFC 7519 section 5.3): what the portal fails on today.
    assert {"iss", "aud"} <= header_of(id_token).keys()
    inner = decrypted(id_token, peer.client_encryption_key)
    claims = jwt.decode(inner, KeySet([peer.signing_key])).claims
    assert claims["aud"] == FTN
    assert claims[HETU] == "010280-952L"
    with pytest.raises(JoseError):
        decrypted(id_token, encryption_key_of(generate_keys()))
    userinfo = requests.get(
        f"{peer.issuer}/me",
        headers={"Authorization": f"Bearer {response['access_token']}"},
        timeout=5,
    )
    assert userinfo.headers["Content-Type"].startswith("application/jwt")
    assert userinfo.text.count(".") == 4
