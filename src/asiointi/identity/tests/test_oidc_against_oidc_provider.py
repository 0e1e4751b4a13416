"""The portal's relying party against oidc-provider, an OpenID Provider not written here
(run with Node, see oidc_peer/): a plain client and one with every Finnish Trust Network option."""

from urllib.parse import parse_qs

import pytest

from asiointi.identity.keys import SIGNING_USE, key_for
from asiointi.identity.models import User
from asiointi.identity.tests.oidc_peer.flow import (
    SUCCEEDED,
    header_of,
    log_in,
    unverified_claims,
)
from asiointi.identity.tests.oidc_peer.peer import BASIC, FTN, LOA2, LOA3, PeerPortal
from asiointi.privacy.models import AuditEvent

pytest_plugins = ["asiointi.identity.tests.oidc_peer.fixtures"]
pytestmark = pytest.mark.django_db(transaction=True)


def test_a_client_secret_and_pkce_login_ends_on_the_success_page(peer_portal: PeerPortal) -> None:
    login = log_in(peer_portal.url)
    assert SUCCEEDED in login.landing.text
    assert "code_challenge_method=S256" in login.authorization_url
    assert "request=" not in login.authorization_url
    assert User.objects.get().identity_code_masked == "010280-****"
    token_request = peer_portal.peer.tap.to("/token")[0]
    assert token_request.request_headers["Authorization"].startswith("Basic ")
    assert b"code_verifier=" in token_request.request_body


def test_claims_are_read_from_userinfo_too(peer_portal: PeerPortal) -> None:
    peer_portal.use(BASIC, userinfo=True)
    login = log_in(peer_portal.url)
    assert SUCCEEDED in login.landing.text
    assert peer_portal.peer.tap.to("/me")[0].status == 200


def test_the_peer_accepts_the_portals_request_object_and_client_assertion(
    peer_portal: PeerPortal,
) -> None:
    # The peer requires both from this client (see the enforcement tests).
    peer_portal.use(FTN)
    login = log_in(peer_portal.url)
    assert "request=" in login.authorization_url
    token_request = peer_portal.peer.tap.to("/token")[0]
    assert token_request.status == 200
    assert "Authorization" not in token_request.request_headers
    assertion = parse_qs(token_request.request_body.decode())["client_assertion"][0]
    assert header_of(assertion)["kid"] == key_for(SIGNING_USE).kid
    assert {"jti", "exp"} <= unverified_claims(assertion).keys()


@pytest.mark.parametrize("userinfo", [False, True], ids=["id-token", "userinfo-too"])
def test_private_key_jwt_a_signed_request_and_an_encrypted_id_token_log_in(
    peer_portal: PeerPortal, userinfo: bool
) -> None:
    peer_portal.use(FTN, userinfo=userinfo)
    login = log_in(peer_portal.url)
    assert SUCCEEDED in login.landing.text
    assert User.objects.get().first_name == "Tessa"
    assert len(peer_portal.peer.tap.to("/me")) == int(userinfo)


def test_a_requested_loa3_comes_back_as_loa3(peer_portal: PeerPortal) -> None:
    peer_portal.use(BASIC, acr_values=LOA3)
    login = log_in(peer_portal.url)
    assert "loa3" in login.authorization_url
    assert SUCCEEDED in login.landing.text
    id_token = peer_portal.peer.tap.token_responses()[0]["id_token"]
    assert unverified_claims(id_token)["acr"] == LOA3
    event = AuditEvent.objects.get(action=AuditEvent.Action.LOGIN)
    assert event.details["loa"] == "high"
    assert event.details["method"] == "bank"


def test_a_level_lower_than_the_service_accepts_is_refused(peer_portal: PeerPortal) -> None:
    peer_portal.use(BASIC, acr_values=LOA2)
    peer_portal.settings.OIDC_ACCEPTED_ACR = [LOA3]
    landing = log_in(peer_portal.url).landing
    assert "ei ole tähän palveluun riittävän vahva" in landing.text
    assert not User.objects.exists()
