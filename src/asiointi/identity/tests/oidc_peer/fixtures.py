"""The peer as pytest fixtures. Test modules load this with `pytest_plugins` (and import from
peer.py only), so that one peer serves the whole session."""

from collections.abc import Iterator

import pytest
from django.conf import LazySettings
from django.urls import reverse
from pytest_django.live_server_helper import LiveServer

from asiointi.identity.tests.oidc_peer.peer import (
    BASIC,
    LOA2,
    LOA3,
    SECRET,
    Peer,
    PeerPortal,
    node_or_skip,
    running_peer,
)


@pytest.fixture(scope="session")
def oidc_peer(live_server: LiveServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Peer]:
    node = node_or_skip()
    callback = live_server.url + reverse("identity_protocol:oidc_callback")
    staff_callback = live_server.url + reverse("backoffice_protocol:oidc_callback")
    folder = tmp_path_factory.mktemp("oidc_peer")
    with running_peer(node, callback, folder, staff_callback) as peer:
        yield peer


@pytest.fixture
def peer_portal(
    oidc_peer: Peer, live_server: LiveServer, settings: LazySettings
) -> Iterator[PeerPortal]:
    settings.IDENTITY_PROVIDER = "oidc"
    settings.OIDC_ISSUER = oidc_peer.issuer
    settings.OIDC_CLIENT_SECRET = SECRET
    settings.OIDC_CLIENT_JWKS_FILE = str(oidc_peer.client_keys_file)
    settings.OIDC_ACCEPTED_ACR = [LOA2, LOA3]
    portal = PeerPortal(live_server.url, oidc_peer, settings)
    portal.use(BASIC)
    oidc_peer.tap.reset()
    yield portal
    oidc_peer.tap.reset()
