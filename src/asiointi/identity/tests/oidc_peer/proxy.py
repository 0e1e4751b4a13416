"""A small HTTP proxy in front of the peer: the peer's issuer is the proxy's address, so the portal
and the browser reach the peer only through it. It records every exchange, so a test can see what
really went over the wire, and can replace the ID token of a token response, as an attacker
between the portal and the provider would."""

import http.client
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length"}


@dataclass(frozen=True)
class Exchange:
    method: str
    path: str
    request_headers: dict[str, str]
    request_body: bytes
    status: int
    response_headers: dict[str, str]
    response_body: bytes


@dataclass
class Tap:
    exchanges: list[Exchange] = field(default_factory=list)
    # Called with the ID token of each token response; returns what the portal gets instead.
    rewrite_id_token: Callable[[str], str] | None = None
    # Called with the provider's JWK set; returns the one the portal gets instead (a rotated key).
    rewrite_jwks: Callable[[dict[str, Any]], dict[str, Any]] | None = None

    def reset(self) -> None:
        self.exchanges.clear()
        self.rewrite_id_token = None
        self.rewrite_jwks = None

    def to(self, path: str) -> list[Exchange]:
        return [exchange for exchange in self.exchanges if exchange.path.split("?")[0] == path]

    def token_responses(self) -> list[dict[str, Any]]:
        """The token responses as the peer sent them, before any rewriting."""
        return [json.loads(exchange.response_body) for exchange in self.to("/token")]

    def rewritten(self, path: str, status: int, body: bytes) -> bytes:
        if path == "/jwks" and status == 200 and self.rewrite_jwks is not None:
            return json.dumps(self.rewrite_jwks(json.loads(body))).encode()
        if path != "/token" or status != 200 or self.rewrite_id_token is None:
            return body
        response = json.loads(body)
        response["id_token"] = self.rewrite_id_token(response["id_token"])
        return json.dumps(response).encode()


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"

    def forward(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        upstream = http.client.HTTPConnection("127.0.0.1", self.server.upstream_port, timeout=10)
        try:
            upstream.request(self.command, self.path, body=body, headers=headers)
            response = upstream.getresponse()
            answer = response.read()
            response_headers = response.getheaders()
        finally:
            upstream.close()
        tap = self.server.tap
        tap.exchanges.append(
            Exchange(
                self.command,
                self.path,
                headers,
                body,
                response.status,
                {k.lower(): v for k, v in response_headers},
                answer,
            )
        )
        answer = tap.rewritten(self.path.split("?")[0], response.status, answer)
        self.send_response(response.status)
        for name, value in response_headers:
            if name.lower() not in HOP_BY_HOP:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    do_GET = do_POST = forward

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, upstream_port: int) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.upstream_port = upstream_port
        self.tap = Tap()


@contextmanager
def recording_proxy(upstream_port: int) -> Iterator[tuple[str, Tap]]:
    """The proxy's base URL and its tap, while the block runs."""
    server = _Server(upstream_port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server.tap
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
