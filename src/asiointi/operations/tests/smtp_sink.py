"""A small SMTP server for the topology tests: it keeps what it accepted, and can be told to hold
its answer to a message's end, as a slow mail server would, so a worker can die mid-send.

A message counts as delivered only once the server has answered "250" to its end: that is when a
real server takes it over. A connection lost before that delivers nothing.
"""

import select
import socket
import socketserver
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Mail:
    recipients: list[str]
    data: str


@dataclass
class SmtpSink:
    delivered: list[Mail] = field(default_factory=list)
    held: list[Mail] = field(default_factory=list)  # waiting for their "250"
    _release: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._release.set()
        sink = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                sink._converse(self)

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def hold(self) -> None:
        self._release.clear()

    def release(self) -> None:
        self._release.set()

    def stop(self) -> None:
        self.release()
        self._server.shutdown()
        self._server.server_close()

    def to(self, address: str) -> list[Mail]:
        with self._lock:
            return [m for m in self.delivered if address in m.recipients]

    def held_to(self, address: str) -> list[Mail]:
        with self._lock:
            return [m for m in self.held if address in m.recipients]

    def _converse(self, handler: socketserver.StreamRequestHandler) -> None:
        def say(line: str) -> None:
            handler.wfile.write(f"{line}\r\n".encode())
            handler.wfile.flush()

        say("220 sink ESMTP")
        recipients: list[str] = []
        while line := handler.rfile.readline():
            verb = line.decode(errors="replace").strip().upper()
            if verb.startswith(("EHLO", "HELO")):
                say("250 sink")
            elif verb.startswith("MAIL FROM"):
                recipients = []
                say("250 OK")
            elif verb.startswith("RCPT TO"):
                recipients.append(line.decode().split(":", 1)[1].strip().strip("<>"))
                say("250 OK")
            elif verb == "DATA":
                say("354 go on")
                self._take(handler, recipients, say)
            elif verb == "QUIT":
                say("221 bye")
                return
            else:
                say("250 OK")

    def _take(self, handler: socketserver.StreamRequestHandler, recipients: list[str], say) -> None:  # type: ignore[no-untyped-def]
        lines = []
        while (line := handler.rfile.readline()) not in (b".\r\n", b""):
            lines.append(line.decode(errors="replace"))
        mail = Mail(recipients=list(recipients), data="".join(lines))
        with self._lock:
            self.held.append(mail)
        self._release.wait()
        with self._lock:
            self.held.remove(mail)
        if _closed(handler.connection):
            return  # the sender is gone before the answer: nothing was delivered
        say("250 OK queued")
        with self._lock:
            self.delivered.append(mail)


def _closed(connection: socket.socket) -> bool:
    readable, _, _ = select.select([connection], [], [], 0)
    try:
        return bool(readable) and connection.recv(1, socket.MSG_PEEK) == b""
    except OSError:
        return True


def wait_until(condition: Callable[[], object], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"waited {seconds} s for {what}"
        time.sleep(0.1)
