"""The portal in its production profile under gunicorn, started once per run and always stopped."""

import base64
import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

from asiointi.bench.errors import BenchError

HOST = "127.0.0.1"
# Workers import the whole portal at start; on a busy machine that alone can take a minute.
READY_SECONDS = 180
STOP_SECONDS = 15


@dataclass(frozen=True)
class Profile:
    key: str  # names the profile's sections in docs/performance.md
    label: str


@dataclass(frozen=True)
class ServerConfig:
    workers: int
    threads: int

    def arguments(self) -> list[str]:
        worker_class = "gthread" if self.threads > 1 else "sync"
        return [
            f"--workers={self.workers}",
            f"--worker-class={worker_class}",
            f"--threads={self.threads}",
        ]

    def describe(self) -> str:
        if self.threads > 1:
            return f"gunicorn, {self.workers} gthread workers × {self.threads} threads"
        return f"gunicorn, {self.workers} sync workers"


def production_environment() -> dict[str, str]:
    """What production sets. DATABASE_URL, REDIS_URL and whatever else the caller's environment
    has stay as they are; settings production requires but the caller left out get stand-ins."""
    stand_ins = {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "IDENTITY_CODE_HASH_KEY": secrets.token_urlsafe(32),
        "IDENTITY_CODE_ENCRYPTION_KEYS": fernet_key(),
        "SUBMISSION_ENCRYPTION_KEYS": fernet_key(),
        # Receipts and the agency's notices are sent nowhere: the bench measures the portal, not
        # an SMTP server.
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "SMS_BACKEND": "asiointi.bench.sms.DiscardingSmsGateway",
        # Anonymous pages never contact the identity provider; .invalid never resolves.
        "OIDC_ISSUER": "https://identity-provider.invalid",
        "OIDC_CLIENT_SECRET": secrets.token_urlsafe(32),
        "PORTAL_URL": "https://portal.invalid",
        # The bench also measures SQLite and the local cache under production settings, each
        # gunicorn worker with a cache of its own; that is part of what the figures show.
        "SINGLE_PROCESS": "true",
    }
    return {
        **{name: os.environ.get(name) or value for name, value in stand_ins.items()},
        "DJANGO_SETTINGS_MODULE": "asiointi.bench.settings",
        "DEBUG": "false",
        "ALLOWED_HOSTS": HOST,
        # Production's proxy speaks HTTPS; here plain HTTP must not be redirected.
        "SECURE_SSL_REDIRECT": "false",
    }


def fernet_key() -> str:
    # The format of cryptography's Fernet.generate_key(), without importing it here.
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def current_profile() -> Profile:
    database_url = os.environ.get("DATABASE_URL", "")
    scheme = urlsplit(database_url).scheme
    if not database_url:
        database = ("sqlite", "SQLite")
    elif scheme.startswith("postgres"):
        database = ("postgresql", "PostgreSQL")
    else:
        database = (scheme, scheme)
    cache = ("redis", "Redis") if os.environ.get("REDIS_URL") else ("locmem", "local memory cache")
    return Profile(key=f"{database[0]}-{cache[0]}", label=f"{database[1]} + {cache[1]}")


def prepare_site() -> None:
    """Database and static files as production has them; every step keeps existing data."""
    from django.core.management import call_command
    from django.db import connections

    quiet = StringIO()
    try:
        call_command("migrate", interactive=False, verbosity=0, stdout=quiet)
        call_command("load_demo", stdout=quiet)
        # WhiteNoise's manifest storage fails on any {% static %} missing from the manifest.
        call_command("collectstatic", interactive=False, verbosity=0, stdout=quiet)
    except Exception as error:
        raise BenchError(f"Preparing the site failed: {error!r}") from error
    finally:
        connections.close_all()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def get_status(base_url: str, path: str, headers: dict[str, str] | None = None) -> int:
    """Status of one GET without following redirects, as a first-time visitor (or one with
    these headers, such as a session cookie) sees it."""
    address = urlsplit(base_url)
    connection = http.client.HTTPConnection(address.hostname or HOST, address.port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def gunicorn_executable() -> str:
    beside_python = Path(sys.executable).parent / "gunicorn"
    return str(beside_python) if beside_python.exists() else "gunicorn"


def log_tail(log: Path, lines: int = 30) -> str:
    if not log.exists():
        return ""
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def wait_until_ready(process: subprocess.Popen[bytes], base_url: str, log: Path) -> None:
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"gunicorn exited with {process.returncode}:\n{log_tail(log)}")
        try:
            if get_status(base_url, "/healthz") == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise BenchError(f"gunicorn did not answer in {READY_SECONDS} s:\n{log_tail(log)}")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.terminate()  # gunicorn's graceful shutdown stops its workers too
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        # Its own session: the group is gunicorn and its workers, nothing else.
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextmanager
def running_server(config: ServerConfig, environment: dict[str, str]) -> Iterator[str]:
    """Serve the portal on a free port and yield its base URL; gunicorn stops on any exit."""
    port = free_port()
    base_url = f"http://{HOST}:{port}"
    with tempfile.TemporaryDirectory(prefix="asiointi-bench-") as directory:
        log = Path(directory) / "gunicorn.log"
        command = [
            gunicorn_executable(),
            "asiointi.wsgi:application",
            f"--bind={HOST}:{port}",
            *config.arguments(),
        ]
        with log.open("wb") as output:
            # A session of its own: Ctrl-C reaches only the bench, which then stops it in order.
            process = subprocess.Popen(  # noqa: S603 - our own gunicorn command line
                command,
                env=environment,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            wait_until_ready(process, base_url, log)
            yield base_url
        finally:
            stop(process)
