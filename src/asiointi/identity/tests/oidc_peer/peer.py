"""The oidc-provider peer: a Node process behind the recording proxy, with one client registered
per configuration of the portal."""

import json
import os
import secrets
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
from django.conf import LazySettings
from joserfc.jwk import KeySet, RSAKey

from asiointi.identity.keys import ENCRYPTION_USE, generate_keys
from asiointi.identity.tests.oidc_peer.proxy import Tap, recording_proxy

PEER_DIR = Path(__file__).parent
SKIP_REASON = (
    f"oidc-provider peer needs Node and `npm ci` in {PEER_DIR.relative_to(PEER_DIR.parents[4])};"
    " make test installs it"
)
SECRET = "peer-client-secret-" + "x" * 32
BASIC = "asiointi-basic"
FTN = "asiointi-ftn"
LOA2 = "http://ftn.ficora.fi/2017/loa2"
LOA3 = "http://ftn.ficora.fi/2017/loa3"


STAFF = "asiointi-staff"


def registrations(
    callback: str, client_jwks: dict[str, Any], staff_callback: str = ""
) -> list[dict[str, Any]]:
    common = {"client_secret": SECRET, "redirect_uris": [callback]}
    # The back office as a client of a city's staff provider (STAFF_OIDC_*).
    staff = {
        "client_id": STAFF,
        "client_secret": SECRET,
        "redirect_uris": [staff_callback or callback],
        "token_endpoint_auth_method": "client_secret_basic",
    }
    return [
        staff,
        {**common, "client_id": BASIC, "token_endpoint_auth_method": "client_secret_basic"},
        {
            # The secret is registered too: refusing it proves private_key_jwt is enforced.
            **common,
            "client_id": FTN,
            "jwks": client_jwks,
            "token_endpoint_auth_method": "private_key_jwt",
            "token_endpoint_auth_signing_alg": "RS256",
            "require_signed_request_object": True,
            "request_object_signing_alg": "RS256",
            "id_token_encrypted_response_alg": "RSA-OAEP-256",
            "id_token_encrypted_response_enc": "A256GCM",
            "userinfo_signed_response_alg": "RS256",
            "userinfo_encrypted_response_alg": "RSA-OAEP-256",
            "userinfo_encrypted_response_enc": "A256GCM",
        },
    ]


@dataclass(frozen=True)
class Peer:
    issuer: str
    tap: Tap
    signing_key: RSAKey  # the peer's own, so tests can forge what only the peer could sign
    client_keys: KeySet  # the portal's, private halves included
    client_keys_file: Path

    @property
    def client_encryption_key(self) -> RSAKey:
        return encryption_key_of(self.client_keys)


def encryption_key_of(keys: KeySet) -> RSAKey:
    return next(k for k in keys.keys if k.get("use") == ENCRYPTION_USE and isinstance(k, RSAKey))


def node_or_skip() -> str:
    node = shutil.which("node")
    if node is None or not (PEER_DIR / "node_modules" / "oidc-provider").is_dir():
        pytest.skip(SKIP_REASON)
    return node


@contextmanager
def running_peer(
    node: str, callback: str, folder: Path, staff_callback: str = ""
) -> Iterator[Peer]:
    client_keys = generate_keys()
    keys_file = folder / "client-jwks.json"
    keys_file.write_text(json.dumps(client_keys.as_dict(private=True)))
    signing_key = RSAKey.generate_key(2048, parameters={"use": "sig", "alg": "RS256"})
    signing_key.ensure_kid()
    port = _free_port()
    with recording_proxy(port) as (issuer, tap):
        config = {
            "port": port,
            "issuer": issuer,
            "jwks": {"keys": [signing_key.as_dict(private=True)]},
            "cookieKeys": [secrets.token_urlsafe(32)],
            "clients": registrations(
                callback, dict(client_keys.as_dict(private=False)), staff_callback
            ),
        }
        with _node(node, config, folder / "provider.log"):
            yield Peer(issuer, tap, signing_key, client_keys, keys_file)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def _node(node: str, config: dict[str, Any], log: Path) -> Iterator[None]:
    with log.open("w") as output:
        process = subprocess.Popen(  # noqa: S603
            [node, "provider.mjs"],
            cwd=PEER_DIR,
            env={**os.environ, "OIDC_PEER": json.dumps(config)},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        discovery = f"http://127.0.0.1:{config['port']}/.well-known/openid-configuration"
        deadline = time.monotonic() + 15
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"oidc-provider peer did not start:\n{log.read_text()}")
            try:
                if requests.get(discovery, timeout=1).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.05)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class PeerPortal:
    """The portal under test (live_server), as a client of the peer."""

    url: str
    peer: Peer
    settings: LazySettings

    def use(
        self,
        client_id: str,
        *,
        client_auth: str | None = None,
        signed_requests: bool | None = None,
        encrypted_id_token: bool | None = None,
        userinfo: bool = False,
        acr_values: str = LOA2,
    ) -> None:
        """Configure the portal as `client_id`; the FTN options follow the client unless given."""
        ftn = client_id == FTN
        self.settings.OIDC_CLIENT_ID = client_id
        self.settings.OIDC_CLIENT_AUTH = client_auth or (
            "private_key_jwt" if ftn else "client_secret_basic"
        )
        self.settings.OIDC_SIGNED_REQUESTS = ftn if signed_requests is None else signed_requests
        self.settings.OIDC_ENCRYPTED_ID_TOKEN = (
            ftn if encrypted_id_token is None else encrypted_id_token
        )
        self.settings.OIDC_USE_USERINFO = userinfo
        self.settings.OIDC_ACR_VALUES = acr_values
