"""Production with IDENTITY_PROVIDER=saml refuses to start without its keys and the IdP
metadata."""

import subprocess
from pathlib import Path

from asiointi.tests.production import run_in_production

ROOT = Path(__file__).resolve().parents[4]


def check(**env: str) -> subprocess.CompletedProcess[str]:
    return run_in_production("check", IDENTITY_PROVIDER="saml", **env)


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
