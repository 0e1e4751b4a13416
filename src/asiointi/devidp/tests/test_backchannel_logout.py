"""Back-channel logout: a signed logout token is POSTed to every client of an ended session."""

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import pytest
from django.conf import LazySettings
from django.test import Client as BrowserClient
from joserfc import jws

from asiointi.devidp.backchannel import EVENT
from asiointi.devidp.clients import ensure_client
from asiointi.devidp.models import Client
from asiointi.devidp.tests.support import (
    ISSUER,
    authorization_request,
    basic,
    exchange,
    identify,
    query,
    verified_claims,
)


class Receiver:
    """A relying party's back-channel logout endpoint, on a real local port."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"])).decode()
                receiver.received.append(
                    {
                        "path": self.path,
                        "type": self.headers["Content-Type"],
                        "form": parse_qs(body),
                    }
                )
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    receiver = Receiver()
    thread = threading.Thread(target=receiver.server.serve_forever, daemon=True)
    thread.start()
    yield receiver
    receiver.server.shutdown()
    receiver.server.server_close()


@pytest.fixture
def listening_clients(db: None, receiver: Receiver, settings: LazySettings) -> list[Client]:
    settings.DEVIDP_BACKCHANNEL_LOGOUT_PATH = ""  # the portal itself is not running here
    return [
        ensure_client(
            client_id=name,
            name=name,
            secret=f"{name}-secret",
            redirect_uris=[f"http://localhost/{name}/callback"],
            backchannel_logout_uri=f"{receiver.url}/{name}/backchannel-logout",
        )
        for name in ("library", "daycare")
    ]


def _log_in(idp: BrowserClient, client: Client) -> dict[str, Any]:
    request = authorization_request(
        client_id=client.client_id, redirect_uri=client.redirect_uris[0]
    )
    code = query(identify(idp, request)["Location"])["code"]
    headers = {"Authorization": basic(client.client_id, client.secret)}
    id_token = exchange(idp, code, request, headers=headers).json()["id_token"]
    return verified_claims(id_token, idp)


def test_ending_sessions_everywhere_posts_a_signed_logout_token_to_each_client(
    idp: BrowserClient, receiver: Receiver, listening_clients: list[Client]
) -> None:
    id_tokens = {client.client_id: _log_in(idp, client) for client in listening_clients}
    page = idp.post("/devidp/sessions/end")
    assert page.status_code == 200
    assert "library" in page.content.decode()
    assert sorted(r["path"] for r in receiver.received) == [
        "/daycare/backchannel-logout",
        "/library/backchannel-logout",
    ]
    for delivery in receiver.received:
        assert delivery["type"] == "application/x-www-form-urlencoded"
        token = delivery["form"]["logout_token"][0]
        assert jws.extract_compact(token.encode()).headers()["typ"] == "logout+jwt"
        claims = verified_claims(token, idp)
        client_id = delivery["path"].split("/")[1]
        assert claims["iss"] == ISSUER
        assert claims["aud"] == client_id
        assert claims["events"] == {EVENT: {}}
        assert claims["sid"] == id_tokens[client_id]["sid"]
        assert claims["sub"] == id_tokens[client_id]["sub"]
        assert claims["jti"]
        assert claims["exp"] > claims["iat"] > time.time() - 60
        assert "nonce" not in claims


def test_logout_started_by_one_client_is_told_to_the_others_only(
    idp: BrowserClient, receiver: Receiver, listening_clients: list[Client]
) -> None:
    library, _daycare = listening_clients
    _log_in(idp, library)
    request = authorization_request(
        client_id="daycare", redirect_uri="http://localhost/daycare/callback"
    )
    code = query(identify(idp, request)["Location"])["code"]
    headers = {"Authorization": basic("daycare", "daycare-secret")}
    id_token = exchange(idp, code, request, headers=headers).json()["id_token"]
    idp.get("/devidp/end-session", {"id_token_hint": id_token})
    assert [r["path"] for r in receiver.received] == ["/library/backchannel-logout"]


def test_an_unreachable_client_is_reported_and_does_not_stop_the_logout(
    idp: BrowserClient, receiver: Receiver, listening_clients: list[Client]
) -> None:
    unreachable = ensure_client(
        client_id="gone",
        name="Gone service",
        secret="gone-secret",
        redirect_uris=["http://localhost/gone/callback"],
        backchannel_logout_uri="http://127.0.0.1:1/backchannel-logout",
    )
    _log_in(idp, unreachable)
    _log_in(idp, listening_clients[0])
    page = idp.post("/devidp/sessions/end").content.decode()
    assert "Gone service" in page
    assert len(receiver.received) == 1
