"""A provider that rotates its signing key, even under the same key id: the portal fetches the
provider's keys again when a token's signature does not verify with the keys it has, once, and
refuses the token if it still does not verify."""

import logging

import pytest
from joserfc.jwk import RSAKey

from asiointi.identity.tests.oidc_peer.flow import FAILED, SUCCEEDED, header_of, log_in, signed
from asiointi.identity.tests.oidc_peer.peer import PeerPortal
from asiointi.privacy.models import AuditEvent

pytest_plugins = ["asiointi.identity.tests.oidc_peer.fixtures"]
pytestmark = pytest.mark.django_db(transaction=True)


def new_key_under_the_same_id(peer_key: RSAKey) -> RSAKey:
    return RSAKey.generate_key(
        2048, parameters={"use": "sig", "alg": "RS256", "kid": str(peer_key.kid)}
    )


def keys_fetched(peer_portal: PeerPortal) -> int:
    return len(peer_portal.peer.tap.to("/jwks"))


def test_a_rotated_key_is_fetched_again_and_the_login_succeeds(peer_portal: PeerPortal) -> None:
    peer = peer_portal.peer
    assert SUCCEEDED in log_in(peer_portal.url).landing.text  # the old key is cached now
    rotated = new_key_under_the_same_id(peer.signing_key)
    peer.tap.reset()
    peer.tap.rewrite_jwks = lambda _: {"keys": [rotated.as_dict(private=False)]}
    peer.tap.rewrite_id_token = lambda token: signed(token, rotated)
    login = log_in(peer_portal.url)
    assert SUCCEEDED in login.landing.text
    assert header_of(peer.tap.token_responses()[0]["id_token"])["kid"] == rotated.kid
    assert keys_fetched(peer_portal) == 1


def test_a_token_no_published_key_verifies_is_refused_after_one_fetch(
    peer_portal: PeerPortal, caplog: pytest.LogCaptureFixture
) -> None:
    peer = peer_portal.peer
    assert SUCCEEDED in log_in(peer_portal.url).landing.text
    stranger = new_key_under_the_same_id(peer.signing_key)
    peer.tap.reset()
    peer.tap.rewrite_id_token = lambda token: signed(token, stranger)
    with caplog.at_level(logging.INFO):
        login = log_in(peer_portal.url)
    assert FAILED in login.landing.text
    assert "Kirjaudu ulos" not in login.landing.text
    assert AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN).count() == 1
    assert keys_fetched(peer_portal) == 1
    assert "identification refused (failed): signature did not verify" in caplog.text
