"""What production (DEBUG off) refuses to start with.

Each check reads the finished settings and answers with one line naming the variable and what is
wrong, or None. settings.py runs them last, so each sees what the portal would really run with;
the embedded profile's stand-ins (derived keys, the test identity provider, the outbox) are only
made when DEBUG is on, so production never runs on them unnoticed.
"""

import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

Settings = Mapping[str, Any]
Check = Callable[[Settings], str | None]

# The names of identity/providers/registry.py, which cannot be imported while settings load
# (a test keeps the two the same).
IDENTITY_PROVIDERS = ("oidc", "saml")
SECRET_CLIENT_AUTH = ("client_secret_basic", "client_secret_post")
HASH_KEY_MIN_BYTES = 32
NO_EMAIL = ("asiointi.notify.mail.UnconfiguredEmailBackend", "asiointi.notify.outbox.")
NO_SMS = ("asiointi.notify.outbox.",)


def secret_key(s: Settings) -> str | None:
    return None if s["SECRET_KEY"] else "SECRET_KEY must be set (it signs sessions and tokens)"


def _fernet_keys(name: str, keys: list[str]) -> str | None:
    if not keys:
        return f"{name} must be set: comma-separated Fernet keys"
    for position, key in enumerate(keys, start=1):
        try:
            Fernet(key)
        except ValueError:
            return f"{name}: key {position} is not a Fernet key (32 url-safe base64-encoded bytes)"
    return None


def identity_code_keys(s: Settings) -> str | None:
    return _fernet_keys("IDENTITY_CODE_ENCRYPTION_KEYS", s["IDENTITY_CODE_ENCRYPTION_KEYS"])


def submission_keys(s: Settings) -> str | None:
    return _fernet_keys("SUBMISSION_ENCRYPTION_KEYS", s["SUBMISSION_ENCRYPTION_KEYS"])


def identity_code_hash_key(s: Settings) -> str | None:
    key = s["IDENTITY_CODE_HASH_KEY"]
    if not key:
        return "IDENTITY_CODE_HASH_KEY must be set"
    if len(key.encode()) < HASH_KEY_MIN_BYTES:
        return f"IDENTITY_CODE_HASH_KEY is too short: at least {HASH_KEY_MIN_BYTES} bytes"
    return None


def portal_url(s: Settings) -> str | None:
    address = urlsplit(s["PORTAL_URL"])
    if address.scheme != "https" or not address.hostname:
        return "PORTAL_URL must be the portal's https:// address (links in messages use it)"
    return None


def identity_provider(s: Settings) -> str | None:
    name = s["IDENTITY_PROVIDER"]
    if name not in IDENTITY_PROVIDERS:
        return f"IDENTITY_PROVIDER {name!r} is unknown: use one of {', '.join(IDENTITY_PROVIDERS)}"
    return None


def oidc_client(s: Settings) -> str | None:
    if s["IDENTITY_PROVIDER"] != "oidc":
        return None
    if not s["OIDC_ISSUER"]:
        return "OIDC_ISSUER must be set: the identity provider's issuer URL"
    if s["OIDC_CLIENT_AUTH"] in SECRET_CLIENT_AUTH and not s["OIDC_CLIENT_SECRET"]:
        return f"OIDC_CLIENT_SECRET must be set with OIDC_CLIENT_AUTH={s['OIDC_CLIENT_AUTH']}"
    return None


def saml_files(s: Settings) -> str | None:
    if s["IDENTITY_PROVIDER"] != "saml":
        return None
    files = ["SAML_IDP_METADATA_FILE", "SAML_SP_KEY_FILE", "SAML_SP_CERT_FILE"]
    if s["SAML_SP_ENCRYPTION_KEY_FILE"] or s["SAML_SP_ENCRYPTION_CERT_FILE"]:
        files += ["SAML_SP_ENCRYPTION_KEY_FILE", "SAML_SP_ENCRYPTION_CERT_FILE"]
    missing = [name for name in files if not Path(s[name]).is_file()]
    missing += [] if s["SAML_SP_ENTITY_ID"] else ["SAML_SP_ENTITY_ID"]
    if missing:
        needed = ", ".join(missing)
        return f"IDENTITY_PROVIDER=saml in production needs these set (files readable): {needed}"
    return None


def valtuudet_keys(s: Settings) -> str | None:
    if not s["VALTUUDET_URL"]:
        return None
    missing = [n for n in ("VALTUUDET_API_KEY", "VALTUUDET_OAUTH_PASSWORD") if not s[n]]
    if missing:
        return f"{' and '.join(missing)} must be set when VALTUUDET_URL is"
    return None


def gdpr_api(s: Settings) -> str | None:
    if not s["GDPR_API_ISSUER"]:
        return None
    if urlsplit(s["GDPR_API_ISSUER"]).scheme != "https":
        return "GDPR_API_ISSUER must be an https:// address"
    missing = [
        n
        for n in ("GDPR_API_AUDIENCE", "GDPR_API_QUERY_SCOPE", "GDPR_API_DELETE_SCOPE")
        if not s[n]
    ]
    if missing:
        return f"{', '.join(missing)} must be set when GDPR_API_ISSUER is"
    if s["GDPR_API_QUERY_SCOPE"] == s["GDPR_API_DELETE_SCOPE"]:
        return "GDPR_API_QUERY_SCOPE and GDPR_API_DELETE_SCOPE must differ"
    if not s["GDPR_API_ACCEPTED_LOA"]:
        return "GDPR_API_ACCEPTED_LOA must name at least one level of assurance"
    return None


def embedded_only(s: Settings) -> str | None:
    if s["DEVIDP_ENABLED"]:
        return "DEVIDP_ENABLED: the built-in test identity provider must never run in production"
    if s["DEV_OUTBOX_ENABLED"]:
        return "DEV_OUTBOX_ENABLED is for the embedded profile only: production sends its messages"
    if not s["CLAMAV_REQUIRED"]:
        return "CLAMAV_REQUIRED=false is for the embedded profile only: production scans all files"
    return None


def email_transport(s: Settings) -> str | None:
    if s["EMAIL_BACKEND"].startswith(NO_EMAIL):
        return "EMAIL_HOST (or EMAIL_BACKEND) must be set: production has no way to send e-mail"
    return None


def sms_transport(s: Settings) -> str | None:
    if not s["SMS_BACKEND"] or s["SMS_BACKEND"].startswith(NO_SMS):
        return "SMS_GATEWAY_URL (or SMS_BACKEND) must be set: production has no way to send SMS"
    return None


def shared_database(s: Settings) -> str | None:
    if s["SINGLE_PROCESS"] or "sqlite" not in s["DATABASES"]["default"]["ENGINE"]:
        return None
    return (
        "DATABASE_URL must be set: SQLite serves one process only "
        "(SINGLE_PROCESS=true if one process is meant)"
    )


def shared_cache(s: Settings) -> str | None:
    if s["SINGLE_PROCESS"] or s["REDIS_URL"]:
        return None
    return (
        "REDIS_URL must be set: without it each process has its own cache, sessions and rate "
        "limits (SINGLE_PROCESS=true if one process is meant)"
    )


def metrics_token(s: Settings) -> str | None:
    token = s["METRICS_TOKEN"]
    if token and len(token) < HASH_KEY_MIN_BYTES:
        return f"METRICS_TOKEN is too short: at least {HASH_KEY_MIN_BYTES} characters"
    return None


def staff_oidc(s: Settings) -> str | None:
    """Optional; once an issuer is given, the client must be complete and the issuer HTTPS."""
    issuer = s["STAFF_OIDC_ISSUER"]
    if not issuer:
        return None
    if urlsplit(issuer).scheme != "https":
        return "STAFF_OIDC_ISSUER must be an https:// URL"
    if not (s["STAFF_OIDC_CLIENT_ID"] and s["STAFF_OIDC_CLIENT_SECRET"]):
        return (
            "STAFF_OIDC_CLIENT_ID and STAFF_OIDC_CLIENT_SECRET must be set with STAFF_OIDC_ISSUER"
        )
    return None


CHECKS: tuple[Check, ...] = (
    secret_key,
    identity_code_hash_key,
    identity_code_keys,
    submission_keys,
    portal_url,
    identity_provider,
    oidc_client,
    saml_files,
    valtuudet_keys,
    gdpr_api,
    embedded_only,
    email_transport,
    sms_transport,
    shared_database,
    shared_cache,
    metrics_token,
    staff_oidc,
)


def production_problems(s: Settings) -> list[str]:
    return [problem for check in CHECKS if (problem := check(s))]


def refuse_unless_ready(s: Settings) -> None:
    """Stops the start with one line naming every variable that is missing or wrong."""
    problems = production_problems(s)
    if problems:
        # The line says everything; a traceback of the settings import would only bury it.
        sys.tracebacklimit = 0
        raise ImproperlyConfigured("Production refuses to start: " + "; ".join(problems))
