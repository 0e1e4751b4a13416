"""A small client for the ClamAV daemon's INSTREAM command, over a unix socket or TCP.

clamd answers `stream: OK`, `stream: <signature> FOUND` or `... ERROR`; anything else, a refused
connection or a timeout means the file was not scanned, which the caller must treat as such.
"""

import socket
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

CHUNK_BYTES = 64 * 1024


class ScannerUnavailable(Exception):
    """The scanner could not give a verdict: not running, too slow, or answered with an error."""


@dataclass(frozen=True)
class Verdict:
    infected: bool
    signature: str = ""


def _connect(address: str, timeout: float) -> socket.socket:
    parts = urlsplit(address)
    try:
        if parts.scheme == "unix":
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.settimeout(timeout)
            sock.connect(parts.path)
            return sock
        if parts.scheme == "tcp" and parts.hostname and parts.port:
            return socket.create_connection((parts.hostname, parts.port), timeout=timeout)
    except OSError as error:
        raise ScannerUnavailable(f"cannot connect to clamd at {address}: {error}") from error
    raise ScannerUnavailable(f"CLAMAV_ADDRESS {address!r} is not unix:///path or tcp://host:port")


def _read_reply(sock: socket.socket) -> str:
    reply = b""
    while not reply.endswith(b"\0"):
        data = sock.recv(4096)
        if not data:
            break
        reply += data
    return reply.rstrip(b"\0").decode("utf-8", "replace").strip()


def scan_chunks(chunks: Iterable[bytes], *, address: str = "", timeout: float = 0) -> Verdict:
    """Stream the bytes to clamd and return its verdict, or raise ScannerUnavailable."""
    address = address or settings.CLAMAV_ADDRESS
    timeout = timeout or settings.CLAMAV_TIMEOUT_SECONDS
    sock = _connect(address, timeout)
    try:
        sock.sendall(b"zINSTREAM\0")
        for chunk in chunks:
            for start in range(0, len(chunk), CHUNK_BYTES):
                piece = chunk[start : start + CHUNK_BYTES]
                sock.sendall(struct.pack("!L", len(piece)) + piece)
        sock.sendall(struct.pack("!L", 0))
        reply = _read_reply(sock)
    except OSError as error:
        # Also a stream over clamd's StreamMaxLength: clamd resets the connection.
        raise ScannerUnavailable(f"clamd at {address} failed during the scan: {error}") from error
    finally:
        sock.close()
    if reply == "stream: OK":
        return Verdict(infected=False)
    if reply.startswith("stream: ") and reply.endswith(" FOUND"):
        return Verdict(
            infected=True, signature=reply.removeprefix("stream: ").removesuffix(" FOUND")
        )
    raise ScannerUnavailable(f"clamd at {address} answered {reply!r}")


def scanner_ping(*, address: str = "", timeout: float = 0) -> bool:
    """True when clamd answers PING, for health checks."""
    try:
        sock = _connect(address or settings.CLAMAV_ADDRESS, timeout or 2)
    except ScannerUnavailable:
        return False
    try:
        sock.sendall(b"zPING\0")
        return _read_reply(sock) == "PONG"
    except OSError:
        return False
    finally:
        sock.close()
