"""Fixtures for any app's tests: import them into its conftest.py, as this app's conftest does."""

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast

import pytest
from django.conf import LazySettings

OUTBOX_EMAIL_BACKEND = "asiointi.notify.outbox.OutboxEmailBackend"
OUTBOX_SMS_BACKEND = "asiointi.notify.outbox.OutboxSmsGateway"


@pytest.fixture
def dev_outbox(settings: LazySettings) -> None:
    """Messages land in the development outbox, as in the embedded profile.

    pytest-django swaps EMAIL_BACKEND for its in-memory one; this puts the profile's choice back.
    """
    settings.DEV_OUTBOX_ENABLED = True
    settings.EMAIL_BACKEND = OUTBOX_EMAIL_BACKEND
    settings.SMS_BACKEND = OUTBOX_SMS_BACKEND


@dataclass
class ReceivedRequest:
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class GatewayBehaviour:
    status: int = 202
    headers: dict[str, str] = field(default_factory=dict)
    delay: threading.Event | None = None  # when set, answer only once the event is set
    received: list[ReceivedRequest] = field(default_factory=list)


class _GatewayServer(ThreadingHTTPServer):
    daemon_threads = True
    behaviour: GatewayBehaviour


class _GatewayHandler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        behaviour = cast(_GatewayServer, self.server).behaviour
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        behaviour.received.append(ReceivedRequest(self.path, dict(self.headers.items()), body))
        if behaviour.delay is not None:
            behaviour.delay.wait(timeout=5)
        self.send_response(behaviour.status)
        for name, value in behaviour.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class SmsGatewayServer:
    url: str
    behaviour: GatewayBehaviour


@pytest.fixture
def sms_gateway_server() -> Iterator[SmsGatewayServer]:
    """A real HTTP server on the loopback interface that records what the portal POSTs to it."""
    server = _GatewayServer(("127.0.0.1", 0), _GatewayHandler)
    server.behaviour = GatewayBehaviour()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield SmsGatewayServer(url=f"http://{host!s}:{port}/messages", behaviour=server.behaviour)
    if server.behaviour.delay is not None:
        server.behaviour.delay.set()
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)
