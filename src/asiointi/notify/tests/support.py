import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from asiointi.env import derived_key

# Variables a subprocess starts without unless a test sets them.
NOTIFY_VARIABLES = {
    "DEBUG",
    "SECRET_KEY",
    "DEV_OUTBOX_ENABLED",
    "EMAIL_HOST",
    "EMAIL_BACKEND",
    "SMS_BACKEND",
    "SMS_GATEWAY_URL",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "IDENTITY_CODE_HASH_KEY",
    "IDENTITY_CODE_ENCRYPTION_KEYS",
    "OIDC_ISSUER",
}
# What production needs to start at all, so that a test sees the notify settings' own verdict.
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "production-test-" + "x" * 40,
    "IDENTITY_CODE_HASH_KEY": "production-test-hash-key",
    "IDENTITY_CODE_ENCRYPTION_KEYS": derived_key("production-test", "identity-code"),
    "OIDC_ISSUER": "https://tunnistus.example.fi",
}
PRINT_BACKENDS = (
    "from django.conf import settings; print(settings.EMAIL_BACKEND); print(settings.SMS_BACKEND)"
)


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in NOTIFY_VARIABLES}
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(settings.BASE_DIR),
    )


def backends_chosen(**env: str) -> tuple[str, str]:
    """EMAIL_BACKEND and SMS_BACKEND as the settings module chooses them for this environment."""
    result = run_manage("shell", "--verbosity", "0", "--command", PRINT_BACKENDS, **env)
    assert result.returncode == 0, result.stderr
    email, sms = result.stdout.split("\n")[-3:-1]
    return email, sms
