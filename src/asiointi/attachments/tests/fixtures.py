"""Fixtures for any test that attaches files (loaded for every app by src/conftest.py).

A ClamAV daemon of the tests' own, with one signature: the EICAR test file.

Signature updates cannot be downloaded here (and the stock database folder is empty), so the
database is made at start-up. Tests that use it say so: "clamd with the local EICAR signature".
"""

import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import LazySettings

from asiointi.attachments.scanner import scanner_ping

CLAMD = shutil.which("clamd") or "/usr/sbin/clamd"
# The EICAR test string in two halves, so this source file is not itself reported as malware.
EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
SIGNATURE = "Asiointi-Test-EICAR"


def start_clamd(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    (folder / "db").mkdir()
    (folder / "db" / "eicar.ndb").write_text(f"{SIGNATURE}:0:*:{EICAR.hex()}\n")
    socket_path = folder / "clamd.sock"
    (folder / "clamd.conf").write_text(
        f"LocalSocket {socket_path}\n"
        f"DatabaseDirectory {folder / 'db'}\n"
        "Foreground yes\n"
        "StreamMaxLength 100M\n"
    )
    process = subprocess.Popen(  # noqa: S603
        [CLAMD, "-c", str(folder / "clamd.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    address = f"unix://{socket_path}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = process.stderr.read().decode() if process.stderr else ""
            raise RuntimeError(f"clamd stopped: {error}")
        if scanner_ping(address=address, timeout=1):
            return process, address
        time.sleep(0.05)
    process.kill()
    raise RuntimeError("clamd did not answer PING within 20 s")


@pytest.fixture(scope="session")
def clamd_address() -> Iterator[str]:
    if not Path(CLAMD).exists():
        pytest.skip("clamd is not installed: `make clamav` installs Debian's clamav-daemon")
    folder = Path(tempfile.mkdtemp(prefix="asiointi-clamd-"))
    process, address = start_clamd(folder)
    yield address
    process.terminate()
    process.wait(timeout=10)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def clamd(clamd_address: str, settings: LazySettings) -> str:
    """Attachments are scanned by the test clamd (local EICAR signature), and must be."""
    settings.CLAMAV_ADDRESS = clamd_address
    settings.CLAMAV_REQUIRED = True
    return clamd_address


@pytest.fixture
def clamd_down(settings: LazySettings, tmp_path: Path) -> None:
    """No scanner answers at the configured address."""
    settings.CLAMAV_ADDRESS = f"unix://{tmp_path / 'no-clamd.sock'}"


@pytest.fixture(autouse=True)
def _attachments_in_tmp(settings: LazySettings, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Uploaded files go to a temporary folder, not the checkout's var/."""
    folder = tmp_path_factory.mktemp("attachments")
    settings.STORAGES = {
        **settings.STORAGES,
        "attachments": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(folder)},
        },
    }
