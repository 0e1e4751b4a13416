"""manage.py in a subprocess, as production would run it: DEBUG off, and given what it needs.

Tests of the production profile's refusals start from here, so that a newly required variable is
added in one place. Without DEBUG given, a subprocess runs the embedded profile, as the tests do.
"""

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
    "GDPR_API_",
    "DEV_OUTBOX_",
    "EMAIL_",
    "SMS_",
    "PORTAL_URL",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "REDIS_URL",
    "SINGLE_PROCESS",
    "TRUSTED_PROXY_COUNT",
    "CLAMAV_REQUIRED",
)


def production_environment() -> dict[str, str]:
    return {
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "IDENTITY_CODE_HASH_KEY": secrets.token_urlsafe(32),
        "IDENTITY_CODE_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "SUBMISSION_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "OIDC_ISSUER": "https://tunnistus.example.fi/oidc",
        "OIDC_CLIENT_SECRET": secrets.token_urlsafe(32),
        "PORTAL_URL": "https://asiointi.example.fi",
        "EMAIL_HOST": "smtp.example.fi",
        "SMS_GATEWAY_URL": "https://sms.example.fi/send",
        # `check` needs no database: SQLite and the local cache stand in for PostgreSQL and Redis.
        "SINGLE_PROCESS": "true",
    }


def run_manage(*args: str, **env: str | None) -> subprocess.CompletedProcess[str]:
    """`env` adds to what the test run has, less the controlled variables; None leaves one unset."""
    return _run([sys.executable, "manage.py", *args], env)


def run_python_in_production(code: str, **env: str | None) -> subprocess.CompletedProcess[str]:
    """`python -c code` with production's settings module, as gunicorn or Celery would start."""
    wanted = {**production_environment(), "DJANGO_SETTINGS_MODULE": "asiointi.settings", **env}
    return _run([sys.executable, "-c", code], wanted)


def _run(command: list[str], env: dict[str, str | None]) -> subprocess.CompletedProcess[str]:
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(CONTROLLED_PREFIXES)}
    wanted = {"DEBUG": "true", **env}
    return subprocess.run(  # noqa: S603
        command,
        env={**inherited, **{k: v for k, v in wanted.items() if v is not None}},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def run_in_production(*args: str, **env: str | None) -> subprocess.CompletedProcess[str]:
    return run_manage(*args, **{**production_environment(), **env})
