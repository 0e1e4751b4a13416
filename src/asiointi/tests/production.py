"""manage.py in a subprocess, as production would run it: DEBUG off, and given what it needs.

Tests of the production profile's refusals start from here, so that a newly required variable is
added in one place."""

import os
import secrets
import subprocess
import sys

from cryptography.fernet import Fernet
from django.conf import settings

# Variables a test's subprocess must not inherit from the test run's own environment.
CONTROLLED_PREFIXES = (
    "DEBUG",
    "SECRET_KEY",
    "IDENTITY_",
    "SUBMISSION_",
    "OIDC_",
    "SAML_",
    "DEVIDP_",
    "VALTUUDET_",
    "DEV_OUTBOX_",
    "EMAIL_",
    "SMS_",
    "PORTAL_URL",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)


def production_environment() -> dict[str, str]:
    return {
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "IDENTITY_CODE_HASH_KEY": secrets.token_urlsafe(32),
        "IDENTITY_CODE_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "SUBMISSION_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "OIDC_ISSUER": "https://tunnistus.example.fi/oidc",
        "PORTAL_URL": "https://asiointi.example.fi",
    }


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(CONTROLLED_PREFIXES)}
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        env={**inherited, **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def run_in_production(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return run_manage(*args, **{**production_environment(), **env})
