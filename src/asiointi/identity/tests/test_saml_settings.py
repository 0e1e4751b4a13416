"""Production with IDENTITY_PROVIDER=saml refuses to start without its keys and the IdP
metadata."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[4]


def check(**env: str) -> subprocess.CompletedProcess[str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("SAML_", "DJANGO_ALLOW"))}
    production = {
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "IDENTITY_CODE_HASH_KEY": secrets.token_urlsafe(32),
        "IDENTITY_CODE_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "IDENTITY_PROVIDER": "saml",
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        env={**keep, **production, **env},
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


def test_production_refuses_to_start_without_the_saml_files() -> None:
    result = check()
    assert result.returncode != 0
    for name in (
        "SAML_IDP_METADATA_FILE",
        "SAML_SP_KEY_FILE",
        "SAML_SP_CERT_FILE",
        "SAML_SP_ENTITY_ID",
    ):
        assert name in result.stderr


def test_production_starts_with_them(saml_directory: Path) -> None:
    result = check(
        SAML_IDP_METADATA_FILE=str(saml_directory / "idp-metadata.xml"),
        SAML_SP_KEY_FILE=str(saml_directory / "sp-key.pem"),
        SAML_SP_CERT_FILE=str(saml_directory / "sp-cert.pem"),
        SAML_SP_ENTITY_ID="https://asiointi.example.fi/identity/saml/metadata",
    )
    assert result.returncode == 0, result.stderr
