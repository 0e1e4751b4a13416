"""The test identity provider never runs in production."""

import importlib.util
import os
import secrets
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet
from django.conf import LazySettings
from django.test import Client as BrowserClient

import asiointi.urls

PROJECT = Path(__file__).resolve().parents[4]


def run_in_production(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """manage.py with DEBUG off and everything else production needs."""
    unset = ("SECRET_KEY", "DEBUG", "DEVIDP_ENABLED", "DJANGO_ALLOW_ASYNC_UNSAFE")
    clean = {key: value for key, value in os.environ.items() if key not in unset}
    production = {
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "IDENTITY_CODE_HASH_KEY": secrets.token_urlsafe(32),
        "IDENTITY_CODE_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "OIDC_ISSUER": "https://tunnistus.example.fi/oidc",
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        env={**clean, **production, **env},
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_turning_it_on_without_debug_stops_the_portal_from_starting() -> None:
    result = run_in_production("check", DEVIDP_ENABLED="true")
    assert result.returncode != 0
    assert "the built-in test identity provider must never run in production" in result.stderr


def test_it_is_off_in_production_unless_asked_for() -> None:
    script = "from django.conf import settings; print(settings.DEVIDP_ENABLED)"
    result = run_in_production("shell", "-c", script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_when_off_its_addresses_do_not_exist(settings: LazySettings, db: None) -> None:
    settings.DEVIDP_ENABLED = False
    # The project's URLconf read afresh, as a process started with the setting off reads it.
    spec = importlib.util.spec_from_file_location("urls_without_devidp", asiointi.urls.__file__)
    assert spec is not None and spec.loader is not None
    urls = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(urls)
    settings.ROOT_URLCONF = urls
    browser = BrowserClient(HTTP_HOST="localhost")
    for path in ("/devidp/.well-known/openid-configuration", "/devidp/authorize", "/devidp/token"):
        assert browser.get(path).status_code == 404, path
    assert browser.post("/devidp/token").status_code == 404
