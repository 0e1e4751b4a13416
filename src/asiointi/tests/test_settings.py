"""The profile is chosen by the environment; production refuses to start insecurely."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from asiointi.env import env_bool, env_int, env_list
from asiointi.identity.providers.registry import PROVIDERS
from asiointi.production_checks import IDENTITY_PROVIDERS
from asiointi.tests.production import run_in_production, run_manage, run_python_in_production

REFUSAL = "django.core.exceptions.ImproperlyConfigured: Production refuses to start: "
PRINT_DEBUG = "from django.conf import settings; print(settings.DEBUG)"
DJANGO_SETUP = "import django; django.setup()"

# One thing wrong in an otherwise complete production environment, and what the one line of the
# refusal must start with.
BAD_PRODUCTION = {
    "no secret key": ({"SECRET_KEY": None}, "SECRET_KEY must be set"),
    "identity code keys that are no Fernet keys": (
        {"IDENTITY_CODE_ENCRYPTION_KEYS": "notakey"},
        "IDENTITY_CODE_ENCRYPTION_KEYS: key 1 is not a Fernet key",
    ),
    "a bad second identity code key": (
        {"IDENTITY_CODE_ENCRYPTION_KEYS": "Yb8ORWyQKTqcYp2n2S1ffIzvSqW5Yr09rNxVmbq3j0A=,notakey"},
        "IDENTITY_CODE_ENCRYPTION_KEYS: key 2 is not a Fernet key",
    ),
    "submission keys that are no Fernet keys": (
        {"SUBMISSION_ENCRYPTION_KEYS": "x" * 44},
        "SUBMISSION_ENCRYPTION_KEYS: key 1 is not a Fernet key",
    ),
    "no submission keys": ({"SUBMISSION_ENCRYPTION_KEYS": None}, "SUBMISSION_ENCRYPTION_KEYS"),
    "no identity code hash key": ({"IDENTITY_CODE_HASH_KEY": None}, "IDENTITY_CODE_HASH_KEY"),
    "a hash key under 32 bytes": (
        {"IDENTITY_CODE_HASH_KEY": "a" * 31},
        "IDENTITY_CODE_HASH_KEY is too short: at least 32 bytes",
    ),
    "a portal address without https": (
        {"PORTAL_URL": "http://asiointi.example.fi"},
        "PORTAL_URL must be the portal's https:// address",
    ),
    "no portal address": ({"PORTAL_URL": None}, "PORTAL_URL must be"),
    "an unknown identity provider": (
        {"IDENTITY_PROVIDER": "sml"},
        "IDENTITY_PROVIDER 'sml' is unknown",
    ),
    "no client secret for client_secret_basic": (
        {"OIDC_CLIENT_SECRET": None},
        "OIDC_CLIENT_SECRET must be set with OIDC_CLIENT_AUTH=client_secret_basic",
    ),
    "no client secret for client_secret_post": (
        {"OIDC_CLIENT_SECRET": None, "OIDC_CLIENT_AUTH": "client_secret_post"},
        "OIDC_CLIENT_SECRET must be set with OIDC_CLIENT_AUTH=client_secret_post",
    ),
    "e-Authorizations without its OAuth password": (
        {"VALTUUDET_URL": "https://asiointivaltuudet.example.fi", "VALTUUDET_API_KEY": "k" * 32},
        "VALTUUDET_OAUTH_PASSWORD must be set when VALTUUDET_URL is",
    ),
    "GDPR API without its audience": (
        {"GDPR_API_ISSUER": "https://tunnistus.example.fi/auth/realms/helsinki-tunnistus"},
        "GDPR_API_AUDIENCE must be set when GDPR_API_ISSUER is",
    ),
    "GDPR API with one scope for both": (
        {
            "GDPR_API_ISSUER": "https://tunnistus.example.fi/auth/realms/helsinki-tunnistus",
            "GDPR_API_AUDIENCE": "asiointi",
            "GDPR_API_QUERY_SCOPE": "gdpr",
            "GDPR_API_DELETE_SCOPE": "gdpr",
        },
        "GDPR_API_QUERY_SCOPE and GDPR_API_DELETE_SCOPE must differ",
    ),
    "a staff login provider without its client": (
        {"STAFF_OIDC_ISSUER": "https://login.hel.example"},
        "STAFF_OIDC_CLIENT_ID and STAFF_OIDC_CLIENT_SECRET must be set with STAFF_OIDC_ISSUER",
    ),
    "a staff login provider without https": (
        {
            "STAFF_OIDC_ISSUER": "http://login.hel.example",
            "STAFF_OIDC_CLIENT_ID": "asiointi-staff",
            "STAFF_OIDC_CLIENT_SECRET": "s" * 32,
        },
        "STAFF_OIDC_ISSUER must be an https:// URL",
    ),
    "no e-mail transport": ({"EMAIL_HOST": None}, "EMAIL_HOST (or EMAIL_BACKEND) must be set"),
    "no SMS transport": ({"SMS_GATEWAY_URL": None}, "SMS_GATEWAY_URL (or SMS_BACKEND) must be set"),
    "SQLite under several processes": (
        {"SINGLE_PROCESS": None, "REDIS_URL": "redis://127.0.0.1:6379/0"},
        "DATABASE_URL must be set: SQLite serves one process only",
    ),
    "no Redis under several processes": (
        {"SINGLE_PROCESS": None, "DATABASE_URL": "postgres://asiointi@db.example.fi/asiointi"},
        "REDIS_URL must be set",
    ),
}


@pytest.mark.parametrize("env, refusal", BAD_PRODUCTION.values(), ids=BAD_PRODUCTION.keys())
def test_production_refuses_to_start_saying_what_is_wrong_in_one_line(
    env: dict[str, str | None], refusal: str
) -> None:
    result = run_in_production("check", **env)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [result.stderr.strip()], result.stderr
    assert result.stderr.startswith(REFUSAL + refusal), result.stderr


def test_production_starts_on_postgresql_and_redis_without_single_process() -> None:
    result = run_in_production(
        "check",
        SINGLE_PROCESS=None,
        DATABASE_URL="postgres://asiointi@db.example.fi/asiointi",
        REDIS_URL="redis://redis.example.fi:6379/0",
    )
    assert result.returncode == 0, result.stderr


def test_production_with_private_key_jwt_needs_no_client_secret() -> None:
    result = run_in_production("check", OIDC_CLIENT_SECRET=None, OIDC_CLIENT_AUTH="private_key_jwt")
    assert result.returncode == 0, result.stderr


def test_debug_is_off_unless_set() -> None:
    result = run_in_production("shell", "-c", PRINT_DEBUG, DEBUG=None)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_a_forgotten_debug_does_not_run_on_the_embedded_profile() -> None:
    result = run_manage("check", DEBUG=None, DATABASE_URL="postgres://db.example.fi/asiointi")
    assert result.returncode != 0
    assert result.stderr.startswith(REFUSAL + "SECRET_KEY must be set"), result.stderr


def test_django_setup_refuses_as_manage_py_does() -> None:
    """What gunicorn, Celery and `python -c` go through: the same one line."""
    refused = run_python_in_production(DJANGO_SETUP, IDENTITY_PROVIDER="sml")
    assert refused.returncode != 0
    assert refused.stderr.strip() == REFUSAL + (
        "IDENTITY_PROVIDER 'sml' is unknown: use one of oidc, saml"
    )
    assert run_python_in_production(DJANGO_SETUP).returncode == 0


def test_the_checks_know_every_identity_provider() -> None:
    assert set(IDENTITY_PROVIDERS) == set(PROVIDERS)


def test_production_settings_pass_the_deployment_check() -> None:
    result = run_in_production("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_bad_values_fail_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOME_FLAG", "perhaps")
    monkeypatch.setenv("SOME_NUMBER", "many")
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG"):
        env_bool("SOME_FLAG", False)
    with pytest.raises(ImproperlyConfigured, match="SOME_NUMBER"):
        env_int("SOME_NUMBER", 1)


def test_values_are_read_with_their_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOME_FLAG", "Yes")
    monkeypatch.setenv("SOME_LIST", "a.fi, b.fi,")
    monkeypatch.delenv("MISSING", raising=False)
    assert env_bool("SOME_FLAG", False) is True
    assert env_list("SOME_LIST", []) == ["a.fi", "b.fi"]
    assert env_int("MISSING", 7) == 7
