"""The production profile on one machine: `make prod-up` / `make prod-down`, and the topology tests.

    python -m asiointi.operations.topology up|down [--root var/prod]

Started, in order: a ClamAV daemon (with only the EICAR test signature: signature updates are not
downloaded here), the test OpenID Provider when its npm packages are installed (the built-in one
never runs in production), migrations, static files, two gunicorn nodes, a Celery worker and beat,
and nginx with a self-signed certificate in front. Everything they write is under the root
directory: the environment (`env`, made once), pid files, logs, gunicorn's control sockets, the
shared files, e-mail and text messages (written to files: there is no SMTP server or SMS gateway
on one machine). `down` stops exactly the processes whose pid files `up` wrote.
"""

import argparse
import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

SOURCE = Path(__file__).resolve().parents[2]  # src/
CHECKOUT = SOURCE.parent
OIDC_PEER = SOURCE / "asiointi" / "identity" / "tests" / "oidc_peer"
BIN = Path(sys.executable).parent
READY_SECONDS = 60
STOP_SECONDS = 20


class TopologyError(Exception):
    pass


@dataclass
class Topology:
    root: Path
    database_url: str = "postgres://postgres@127.0.0.1:5432/asiointi_prod"
    redis_url: str = "redis://127.0.0.1:6379/2"
    https_port: int = 8443
    web_ports: tuple[int, int] = (8001, 8002)
    oidc_port: int = 8450
    web_workers: int = 2
    extra_env: dict[str, str] = field(default_factory=dict)

    # Where things are
    @property
    def run(self) -> Path:
        return self.root / "run"

    @property
    def pids(self) -> Path:
        """One file per process prod-up started: its pid and start time."""
        return self.run / "pids"

    @property
    def logs(self) -> Path:
        return self.root / "log"

    @property
    def env_file(self) -> Path:
        return self.root / "env"

    @property
    def portal_url(self) -> str:
        return f"https://127.0.0.1:{self.https_port}"

    def web_url(self, node: int) -> str:
        return f"http://127.0.0.1:{self.web_ports[node - 1]}"

    # The environment
    def environment(self) -> dict[str, str]:
        """The production environment: made once into `env` (keys must not change), then read."""
        if not self.env_file.exists():
            self.root.mkdir(parents=True, exist_ok=True)
            lines = [f"{name}={value}" for name, value in self._new_environment().items()]
            self.env_file.write_text(
                "# Made by make prod-up; never commit it. Delete it (and the database) to start "
                "over.\n" + "\n".join(lines) + "\n"
            )
            self.env_file.chmod(0o600)
        values = {}
        for line in self.env_file.read_text().splitlines():
            if line and not line.startswith("#"):
                name, _, value = line.partition("=")
                values[name] = value
        return {**values, **self.extra_env}

    def _new_environment(self) -> dict[str, str]:
        data = self.root / "data"
        return {
            "DEBUG": "false",
            "DJANGO_SETTINGS_MODULE": "asiointi.settings",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "IDENTITY_CODE_HASH_KEY": secrets.token_urlsafe(32),
            "IDENTITY_CODE_ENCRYPTION_KEYS": _fernet_key(),
            "SUBMISSION_ENCRYPTION_KEYS": _fernet_key(),
            "METRICS_TOKEN": secrets.token_urlsafe(32),
            "DATABASE_URL": self.database_url,
            "REDIS_URL": self.redis_url,
            "CELERY_BROKER_URL": self.redis_url,
            "DATA_DIR": str(data),
            "FILES_DIR": str(self.root / "files"),
            "PROMETHEUS_MULTIPROC_DIR": str(self.run / "prometheus"),
            "PORTAL_URL": self.portal_url,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "CSRF_TRUSTED_ORIGINS": self.portal_url,
            "TRUSTED_PROXY_COUNT": "1",
            "IDENTITY_PROVIDER": "oidc",
            "OIDC_ISSUER": f"http://127.0.0.1:{self.oidc_port}",
            "OIDC_CLIENT_ID": "asiointi",
            "OIDC_CLIENT_SECRET": secrets.token_urlsafe(32),
            # The test provider's person has a test identity code (individual number 900-999).
            "ACCEPT_TEST_IDENTITY_CODES": "true",
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(self.root / "mail"),
            "SMS_BACKEND": "asiointi.operations.local_sms.FileSmsGateway",
            "CLAMAV_ADDRESS": f"unix://{self.run / 'clamd.sock'}",
            "LOG_FORMAT": "json",
        }

    def process_env(self) -> dict[str, str]:
        keep = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "HOME", "TMPDIR")}
        return {**keep, "PYTHONPATH": str(SOURCE), **self.environment()}

    # Starting and stopping
    def up(self, *, oidc: bool = True) -> None:
        """Start everything, or, when a part fails to start, stop what did start and raise."""
        try:
            self._up(oidc=oidc)
        except BaseException:
            self.down()
            raise

    def _up(self, *, oidc: bool) -> None:
        for folder in ("run", "log", "data", "files", "mail", "tls", "nginx"):
            (self.root / folder).mkdir(parents=True, exist_ok=True)
        env = self.environment()
        self.down()  # whatever a previous up left running
        prometheus = self.run / "prometheus"
        shutil.rmtree(prometheus, ignore_errors=True)
        prometheus.mkdir()
        database_exists(env["DATABASE_URL"])
        self.start_clamd()
        if oidc:
            self.start_oidc_peer()
        self.manage("migrate", "--no-input", "-v", "0")
        self.manage("load_demo")
        self.manage("collectstatic", "--no-input", "-v", "0")
        for node in (1, 2):
            self.start_web(node)
        self.start_worker()
        self.start(
            "beat",
            [
                str(BIN / "celery"),
                "-A",
                "asiointi",
                "beat",
                "--loglevel=INFO",
                f"--schedule={self.run / 'celerybeat-schedule'}",
            ],
        )
        self.start_nginx()
        for node in (1, 2):
            self.wait_http(f"{self.web_url(node)}/readyz", f"web{node}")
        self.wait_http(f"{self.portal_url}/healthz", "nginx")

    def down(self) -> None:
        # nginx first, so nothing new reaches the nodes; the nodes before the worker.
        order = ["nginx", "web1", "web2", "beat", "worker", "oidc", "clamd"]
        for pid_file in sorted(self.pids.glob("*.pid"), key=lambda f: _position(order, f.stem)):
            stop_recorded(pid_file)

    def manage(self, *args: str) -> None:
        result = subprocess.run(  # noqa: S603
            [sys.executable, str(CHECKOUT / "manage.py"), *args],
            env=self.process_env(),
            cwd=CHECKOUT,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode:
            raise TopologyError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")

    def start(self, name: str, command: list[str], env: dict[str, str] | None = None) -> int:
        """Start one process in a session of its own, its output to log/<name>.log, and record
        its pid with its start time (so `down` never signals a pid reused by another program)."""
        log = (self.logs / f"{name}.log").open("ab")
        process = subprocess.Popen(  # noqa: S603
            command,
            env={**self.process_env(), **(env or {})},
            cwd=CHECKOUT,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        log.close()
        self.pids.mkdir(parents=True, exist_ok=True)
        (self.pids / f"{name}.pid").write_text(f"{process.pid} {_start_time(process.pid)}\n")
        return process.pid

    def start_web(self, node: int) -> int:
        name = f"web{node}"
        return self.start(
            name,
            [str(BIN / "gunicorn"), "-c", str(Path(__file__).with_name("gunicorn_conf.py"))],
            {
                "GUNICORN_NAME": name,
                "GUNICORN_RUN_DIR": str(self.run),
                "GUNICORN_BIND": f"127.0.0.1:{self.web_ports[node - 1]}",
                "GUNICORN_WORKERS": str(self.web_workers),
            },
        )

    def start_worker(self) -> int:
        return self.start(
            "worker",
            [
                str(BIN / "celery"),
                "-A",
                "asiointi",
                "worker",
                "--loglevel=INFO",
                "--concurrency=2",
                f"--hostname=worker-{os.getpid()}@%h",
            ],
        )

    def start_clamd(self) -> None:
        folder = self.run / "clamd"
        shutil.rmtree(folder, ignore_errors=True)
        (folder / "db").mkdir(parents=True)
        # The EICAR test string in two halves, so this file is not itself reported as malware.
        eicar = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
        (folder / "db" / "eicar.ndb").write_text(f"Asiointi-Test-EICAR:0:*:{eicar.hex()}\n")
        (folder / "clamd.conf").write_text(
            f"LocalSocket {self.run / 'clamd.sock'}\nDatabaseDirectory {folder / 'db'}\n"
            "Foreground yes\nStreamMaxLength 100M\n"
        )
        clamd = shutil.which("clamd") or "/usr/sbin/clamd"
        self.start("clamd", [clamd, "-c", str(folder / "clamd.conf")])
        deadline = time.monotonic() + 30
        while not (self.run / "clamd.sock").exists():
            if time.monotonic() > deadline:
                raise TopologyError(f"clamd did not start: see {self.logs / 'clamd.log'}")
            time.sleep(0.1)

    def start_oidc_peer(self) -> None:
        node = shutil.which("node")
        if node is None or not (OIDC_PEER / "node_modules" / "oidc-provider").is_dir():
            raise TopologyError(
                f"The test OpenID Provider needs Node.js and `npm ci --prefix {OIDC_PEER}`"
            )
        env = self.environment()
        config_file = self.root / "oidc-peer.json"
        if not config_file.exists():
            from joserfc.jwk import RSAKey

            key = RSAKey.generate_key(2048, parameters={"use": "sig", "alg": "RS256"})
            key.ensure_kid()
            config_file.write_text(
                json.dumps({"key": key.as_dict(private=True), "cookie": secrets.token_urlsafe(32)})
            )
            config_file.chmod(0o600)
        saved = json.loads(config_file.read_text())
        issuer = env["OIDC_ISSUER"]
        config = {
            "port": urlsplit(issuer).port,
            "issuer": issuer,
            "jwks": {"keys": [saved["key"]]},
            "cookieKeys": [saved["cookie"]],
            "clients": [
                {
                    "client_id": env["OIDC_CLIENT_ID"],
                    "client_secret": env["OIDC_CLIENT_SECRET"],
                    "token_endpoint_auth_method": "client_secret_basic",
                    "redirect_uris": [f"{env['PORTAL_URL']}/identity/oidc/callback/"],
                    "post_logout_redirect_uris": [f"{env['PORTAL_URL']}/identity/logged-out/"],
                }
            ],
        }
        self.start(
            "oidc", [node, str(OIDC_PEER / "provider.mjs")], {"OIDC_PEER": json.dumps(config)}
        )
        self.wait_http(f"{issuer}/.well-known/openid-configuration", "the test OpenID Provider")

    def start_nginx(self) -> None:
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(nginx).exists():
            raise TopologyError("nginx is not installed: apt-get install -y nginx")
        tls = self.root / "tls"
        if not (tls / "cert.pem").exists():
            subprocess.run(  # noqa: S603
                ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "825",  # noqa: S607
                 "-keyout", str(tls / "key.pem"), "-out", str(tls / "cert.pem"),
                 "-subj", "/CN=localhost",
                 "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                check=True, capture_output=True,
            )  # fmt: skip
        conf = self.root / "nginx" / "nginx.conf"
        conf.write_text(nginx_config(self))
        self.start("nginx", [nginx, "-c", str(conf), "-p", str(self.root / "nginx")])

    def wait_http(self, url: str, what: str) -> None:
        import requests

        deadline = time.monotonic() + READY_SECONDS
        while True:
            try:
                verify = str(self.root / "tls" / "cert.pem") if url.startswith("https") else True
                if requests.get(url, timeout=5, verify=verify).status_code == 200:
                    return
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise TopologyError(f"{what} did not answer at {url}; logs in {self.logs}")
            time.sleep(0.2)


def nginx_config(t: Topology) -> str:
    """nginx in front: TLS, both nodes, the client's address appended to X-Forwarded-For (the
    portal trusts one proxy), a request id of its own, and /metrics kept to the nodes' ports."""
    root = t.root / "nginx"
    temp = "\n".join(
        f"    {kind}_temp_path {root / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    servers = "\n".join(
        f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;" for port in t.web_ports
    )
    return f"""daemon off;
worker_processes 2;
pid {t.run / "nginx.master.pid"};
error_log {t.logs / "nginx-error.log"} warn;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    access_log {t.logs / "nginx-access.log"};
{temp}
    client_max_body_size 60m;
    upstream portal {{
{servers}
        keepalive 16;
        # Shorter than gunicorn's keepalive (gunicorn_conf.py): nginx must drop an idle connection
        # before the node does, or it sends a request on a connection the node is closing and
        # answers 502 (a POST is not sent again).
        keepalive_timeout 60s;
    }}
    server {{
        listen 127.0.0.1:{t.https_port} ssl;
        ssl_certificate {t.root / "tls" / "cert.pem"};
        ssl_certificate_key {t.root / "tls" / "key.pem"};
        ssl_protocols TLSv1.2 TLSv1.3;
        location = /metrics {{ return 404; }}
        location / {{
            proxy_pass http://portal;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto https;
            proxy_set_header X-Request-ID $request_id;
            # A node that refuses the connection (stopped, killed) is skipped; a request it has
            # already received is not sent again (a form must not be sent twice).
            proxy_next_upstream error timeout http_502 http_503;
            proxy_connect_timeout 2s;
            proxy_read_timeout 60s;
        }}
    }}
}}
"""


def _position(order: list[str], name: str) -> int:
    return order.index(name) if name in order else len(order)


def _fernet_key() -> str:
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode()


def _start_time(pid: int) -> str:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    return stat.rsplit(")", 1)[1].split()[19]


def _alive(pid: int, started: str) -> bool:
    return bool(started) and _start_time(pid) == started


def stop_recorded(pid_file: Path, sig: int = signal.SIGTERM) -> None:
    """Stop the process group a pid file names, if that very process still runs."""
    pid_text, _, started = pid_file.read_text().strip().partition(" ")
    pid = int(pid_text)
    if _alive(pid, started):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, sig)
        deadline = time.monotonic() + STOP_SECONDS
        while _alive(pid, started) and time.monotonic() < deadline:
            _reap(pid)
            time.sleep(0.1)
        if _alive(pid, started):
            os.killpg(pid, signal.SIGKILL)
            while _alive(pid, started):
                _reap(pid)
                time.sleep(0.05)
    pid_file.unlink(missing_ok=True)


def kill_hard(pid_file: Path) -> None:
    """kill -9 the recorded process alone (not its group): as a crash would."""
    pid_text, _, started = pid_file.read_text().strip().partition(" ")
    if _alive(int(pid_text), started):
        os.kill(int(pid_text), signal.SIGKILL)


def _reap(pid: int) -> None:
    # A child of this process (the tests start the topology themselves) stays a zombie until
    # waited for.
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def database_exists(url: str) -> None:
    address = urlsplit(url)
    name = address.path.lstrip("/")
    if not re.fullmatch(r"[A-Za-z0-9_]+", name):
        raise TopologyError(f"A database name of letters, digits and _ please, not {name!r}")
    psql = ["psql", "-h", address.hostname or "127.0.0.1", "-p", str(address.port or 5432),
            "-U", address.username or "postgres"]  # fmt: skip
    found = subprocess.run(  # noqa: S603
        [*psql, "-d", "postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],  # noqa: S608
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if found.returncode:
        raise TopologyError(f"PostgreSQL does not answer: {found.stderr.strip()}")
    if found.stdout.strip() != "1":
        subprocess.run([*psql, "-d", "postgres", "-c", f'CREATE DATABASE "{name}"'],  # noqa: S603
                       check=True, capture_output=True)  # fmt: skip


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["up", "down"])
    parser.add_argument("--root", type=Path, default=CHECKOUT / "var" / "prod")
    arguments = parser.parse_args(list(argv) if argv is not None else None)
    topology = Topology(
        root=arguments.root.resolve(),
        database_url=os.environ.get("PROD_DATABASE_URL", Topology.database_url),
        redis_url=os.environ.get("PROD_REDIS_URL", Topology.redis_url),
        https_port=int(os.environ.get("PROD_HTTPS_PORT", Topology.https_port)),
    )
    try:
        if arguments.action == "up":
            topology.up()
            env = topology.environment()
            print(f"The portal: {topology.portal_url}/ (self-signed certificate)")
            print(f"Nodes: {topology.web_url(1)}/ and {topology.web_url(2)}/ (/readyz, /metrics)")
            print(f"Environment: {topology.env_file}; logs: {topology.logs}")
            print(f"E-mail: {env['EMAIL_FILE_PATH']}; text messages: {env['DATA_DIR']}/sms")
        else:
            topology.down()
            print("Stopped what make prod-up started.")
    except TopologyError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
