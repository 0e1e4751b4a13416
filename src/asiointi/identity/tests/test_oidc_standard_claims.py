"""A provider that gives the standard claims (given_name, family_name, email) instead of the
Finnish Trust Network's names is read too; a login without names keeps the names the portal
already has."""

import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey

from asiointi.identity.models import User
from asiointi.identity.providers.claims import GIVEN_NAME, MAIL, SURNAME
from asiointi.identity.tests.oidc_peer.flow import SUCCEEDED, header_of, log_in, unverified_claims
from asiointi.identity.tests.oidc_peer.peer import PeerPortal

pytest_plugins = ["asiointi.identity.tests.oidc_peer.fixtures"]
pytestmark = pytest.mark.django_db(transaction=True)


def names_replaced(token: str, key: RSAKey, **names: str) -> str:
    """The token without the Finnish names, with `names` instead, signed by the provider."""
    claims = {
        name: value
        for name, value in unverified_claims(token).items()
        if name not in (GIVEN_NAME, SURNAME, MAIL)
    }
    return jwt.encode({"alg": "RS256", "kid": header_of(token)["kid"]}, claims | names, key)


def test_the_standard_names_are_read_when_the_finnish_ones_are_absent(
    peer_portal: PeerPortal,
) -> None:
    peer = peer_portal.peer
    peer.tap.rewrite_id_token = lambda token: names_replaced(
        token,
        peer.signing_key,
        given_name="Tessa Maria",
        family_name="Testilä",
        email="t@example.fi",
    )
    landing = log_in(peer_portal.url).landing
    assert SUCCEEDED in landing.text
    assert "Tessa Maria Testilä" in landing.text
    person = User.objects.get()
    assert (person.first_name, person.last_name) == ("Tessa Maria", "Testilä")


def test_the_finnish_names_win_where_both_are_given(peer_portal: PeerPortal) -> None:
    peer = peer_portal.peer
    peer.tap.rewrite_id_token = lambda token: jwt.encode(
        {"alg": "RS256", "kid": header_of(token)["kid"]},
        unverified_claims(token) | {"given_name": "Other", "family_name": "Name"},
        peer.signing_key,
    )
    assert SUCCEEDED in log_in(peer_portal.url).landing.text
    assert User.objects.get().full_name == "Tessa Testilä"


def test_a_login_without_names_keeps_the_stored_names(peer_portal: PeerPortal) -> None:
    assert SUCCEEDED in log_in(peer_portal.url).landing.text
    peer = peer_portal.peer
    peer.tap.rewrite_id_token = lambda token: names_replaced(token, peer.signing_key)
    landing = log_in(peer_portal.url).landing
    assert SUCCEEDED in landing.text
    assert User.objects.get().full_name == "Tessa Testilä"
