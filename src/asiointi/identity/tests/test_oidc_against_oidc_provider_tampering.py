"""An ID token altered between oidc-provider and the portal, or issued for another request, is
refused with the portal's failure page. The recording proxy swaps the token; the test holds the
peer's signing key, so each forgery differs from a genuine token in one thing only."""

import re
import time
from collections.abc import Callable
from functools import cache

import pytest
from joserfc.jwk import RSAKey

from asiointi.identity.models import User
from asiointi.identity.providers.oidc import HETU
from asiointi.identity.tests.oidc_peer.flow import (
    FAILED,
    SUCCEEDED,
    log_in,
    payload_changed,
    reencrypted,
    signed,
    unsigned,
)
from asiointi.identity.tests.oidc_peer.peer import BASIC, FTN, Peer, PeerPortal
from asiointi.privacy.models import AuditEvent

pytest_plugins = ["asiointi.identity.tests.oidc_peer.fixtures"]
pytestmark = pytest.mark.django_db(transaction=True)

Forgery = Callable[[str, Peer], str]


@cache
def stranger_key() -> RSAKey:
    return RSAKey.generate_key(2048, parameters={"use": "sig", "alg": "RS256"})


def an_hour_ago() -> dict[str, int]:
    now = int(time.time())
    return {"iat": now - 3600, "exp": now - 3000}


FORGERIES = [
    pytest.param(
        lambda token, _: payload_changed(token, **{HETU: "010469-999W"}),
        "signature did not verify",
        id="another identity code",
    ),
    pytest.param(
        lambda token, _: signed(token, stranger_key()),
        "signature did not verify",
        id="signed by a key the peer does not publish",
    ),
    pytest.param(
        lambda token, _: unsigned(token), "signing algorithm not accepted", id="not signed"
    ),
    pytest.param(
        lambda token, peer: signed(token, peer.signing_key, aud="another-client"),
        "claim (aud|azp) not accepted",
        id="for another client",
    ),
    pytest.param(
        lambda token, peer: signed(token, peer.signing_key, aud="another-client", azp=BASIC),
        "claim aud not accepted",
        id="for another client naming the portal as azp",
    ),
    pytest.param(
        lambda token, peer: signed(token, peer.signing_key, nonce="another-nonce"),
        "claim nonce not accepted",
        id="for another login",
    ),
    pytest.param(
        lambda token, peer: signed(token, peer.signing_key, iss="https://attacker.invalid"),
        "claim iss not accepted",
        id="from another issuer",
    ),
    pytest.param(
        lambda token, peer: signed(token, peer.signing_key, **an_hour_ago()),
        "ID token expired",
        id="expired",
    ),
]


def refused(landing_text: str) -> str:
    """The failure's logged detail, after checking the person is not logged in."""
    assert FAILED in landing_text
    assert not User.objects.exists()
    return str(AuditEvent.objects.get(action=AuditEvent.Action.LOGIN_FAILED).details["detail"])


def test_an_id_token_signed_anew_by_the_peer_key_is_accepted(peer_portal: PeerPortal) -> None:
    # The forgeries below differ from this in one thing each.
    peer = peer_portal.peer
    peer.tap.rewrite_id_token = lambda token: signed(token, peer.signing_key)
    assert SUCCEEDED in log_in(peer_portal.url).landing.text


@pytest.mark.parametrize(("forgery", "detail"), FORGERIES)
def test_an_altered_id_token_is_refused(
    peer_portal: PeerPortal, forgery: Forgery, detail: str
) -> None:
    peer = peer_portal.peer
    peer.tap.rewrite_id_token = lambda token: forgery(token, peer)
    login = log_in(peer_portal.url)
    assert re.search(detail, refused(login.landing.text))


def test_an_id_token_for_a_nonce_changed_in_the_browser_is_refused(
    peer_portal: PeerPortal,
) -> None:
    # The peer itself signs this one: the request was changed on its way, not the token.
    login = log_in(
        peer_portal.url, alter_request=lambda url: url.replace("&nonce=", "&nonce=planted")
    )
    assert "planted" in login.authorization_url
    assert refused(login.landing.text) == "claim nonce not accepted"


@pytest.mark.parametrize(
    ("signing", "succeeds"), [("peer", True), ("stranger", False)], ids=["peer", "stranger"]
)
def test_inside_an_encrypted_id_token_the_signature_is_checked(
    peer_portal: PeerPortal, signing: str, succeeds: bool
) -> None:
    peer_portal.use(FTN)
    peer = peer_portal.peer
    key = peer.signing_key if signing == "peer" else stranger_key()
    peer.tap.rewrite_id_token = lambda token: reencrypted(
        token, peer.client_encryption_key, lambda inner: signed(inner, key)
    )
    landing = log_in(peer_portal.url).landing
    if succeeds:
        assert SUCCEEDED in landing.text
    else:
        assert refused(landing.text) == "signature did not verify"
