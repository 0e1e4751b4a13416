"""The clamd client gives a verdict or says plainly that there is none."""

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from asiointi.attachments.scanner import ScannerUnavailable, scan_chunks, scanner_ping
from asiointi.attachments.tests.fixtures import EICAR, SIGNATURE


def test_clean_and_infected_streams(clamd_address: str) -> None:
    """clamd with the local EICAR signature."""
    assert not scan_chunks([b"hello ", b"world"], address=clamd_address).infected
    verdict = scan_chunks([EICAR[:10], EICAR[10:]], address=clamd_address)
    assert verdict.infected and verdict.signature.startswith(SIGNATURE)
    assert scanner_ping(address=clamd_address)


def test_a_missing_daemon_is_unavailable(tmp_path: Path) -> None:
    with pytest.raises(ScannerUnavailable):
        scan_chunks([b"x"], address=f"unix://{tmp_path / 'none.sock'}")
    assert not scanner_ping(address=f"unix://{tmp_path / 'none.sock'}")


def test_a_bad_address_is_unavailable() -> None:
    with pytest.raises(ScannerUnavailable, match="not unix"):
        scan_chunks([b"x"], address="clamd.example:3310")


def fake_clamd(path: Path, answer: bytes | None) -> Iterator[str]:
    """A daemon on a unix socket that reads one stream and sends `answer`, or never answers."""
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)
    accepted: list[socket.socket] = []

    def serve() -> None:
        connection = server.accept()[0]
        accepted.append(connection)
        if answer is None:
            return
        received = b""
        while not received.endswith(b"\0\0\0\0"):
            received += connection.recv(100)
        connection.sendall(answer)

    threading.Thread(target=serve, daemon=True).start()
    yield f"unix://{path}"
    for connection in accepted:
        connection.close()
    server.close()


@pytest.fixture
def silent_server(tmp_path: Path) -> Iterator[str]:
    """Accepts a connection and never answers, like a hung scanner."""
    yield from fake_clamd(tmp_path / "silent.sock", None)


def test_a_hung_daemon_times_out(silent_server: str) -> None:
    with pytest.raises(ScannerUnavailable, match="timed out"):
        scan_chunks([b"x"], address=silent_server, timeout=0.2)


@pytest.fixture
def erring_server(tmp_path: Path) -> Iterator[str]:
    yield from fake_clamd(tmp_path / "erring.sock", b"INSTREAM size limit exceeded. ERROR\0")


def test_an_error_answer_is_not_a_verdict(erring_server: str) -> None:
    with pytest.raises(ScannerUnavailable, match="size limit exceeded"):
        scan_chunks([b"x"], address=erring_server, timeout=2)
