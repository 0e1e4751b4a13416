"""What `make prod-up` writes before it starts anything: the production environment, the
configuration of clamd, the test OpenID Provider and nginx, and nginx's self-signed certificate.
Gunicorn reads its own from the environment (`gunicorn_conf.py`)."""

import json
import secrets
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from asiointi.operations.topology import Topology


def new_environment(t: "Topology") -> dict[str, str]:
    data = t.root / "data"
    return {
        "DEBUG": "false",
        "DJANGO_SETTINGS_MODULE": "asiointi.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "IDENTITY_CODE_HASH_KEY": secrets.token_urlsafe(32),
        "IDENTITY_CODE_ENCRYPTION_KEYS": _fernet_key(),
        "SUBMISSION_ENCRYPTION_KEYS": _fernet_key(),
        "METRICS_TOKEN": secrets.token_urlsafe(32),
        "DATABASE_URL": t.database_url,
        "REDIS_URL": t.redis_url,
        "CELERY_BROKER_URL": t.redis_url,
        "DATA_DIR": str(data),
        "FILES_DIR": str(t.root / "files"),
        "PROMETHEUS_MULTIPROC_DIR": str(t.run / "prometheus"),
        "PORTAL_URL": t.portal_url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CSRF_TRUSTED_ORIGINS": t.portal_url,
        "TRUSTED_PROXY_COUNT": "1",
        "IDENTITY_PROVIDER": "oidc",
        "OIDC_ISSUER": f"http://127.0.0.1:{t.oidc_port}",
        "OIDC_CLIENT_ID": "asiointi",
        "OIDC_CLIENT_SECRET": secrets.token_urlsafe(32),
        # The test provider's person has a test identity code (individual number 900-999).
        "ACCEPT_TEST_IDENTITY_CODES": "true",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(t.root / "mail"),
        "SMS_BACKEND": "asiointi.operations.local_sms.FileSmsGateway",
        "CLAMAV_ADDRESS": f"unix://{t.run / 'clamd.sock'}",
        "LOG_FORMAT": "json",
    }


def _fernet_key() -> str:
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode()


def clamd_config_write(folder: Path, socket: Path) -> Path:
    """A fresh clamd folder with its configuration; returns the configuration file."""
    (folder / "db").mkdir(parents=True)
    # The EICAR test string in two halves, so this file is not itself reported as malware.
    eicar = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
    (folder / "db" / "eicar.ndb").write_text(f"Asiointi-Test-EICAR:0:*:{eicar.hex()}\n")
    conf = folder / "clamd.conf"
    conf.write_text(
        f"LocalSocket {socket}\nDatabaseDirectory {folder / 'db'}\n"
        "Foreground yes\nStreamMaxLength 100M\n"
    )
    return conf


def oidc_peer_config(t: "Topology", env: dict[str, str]) -> dict[str, Any]:
    """The test OpenID Provider's configuration; its signing key is made once and kept."""
    config_file = t.root / "oidc-peer.json"
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
    return {
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


def self_signed_certificate(tls: Path) -> None:
    """cert.pem and key.pem in `tls`, made once."""
    if (tls / "cert.pem").exists():
        return
    subprocess.run(  # noqa: S603
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "825",  # noqa: S607
         "-keyout", str(tls / "key.pem"), "-out", str(tls / "cert.pem"),
         "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip


def nginx_config(t: "Topology") -> str:
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
