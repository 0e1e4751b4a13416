"""A client for the Suomi.fi e-Authorizations Web API in "ypa" mode (acting for a company).

1. `register`: the portal opens a session for the identified person and gets `sessionId` and
   `userId`; the session id stays on the server, the browser only ever sees the user id.
2. `authorize_url`: the person picks the organisation on the authorities' selection page, which
   returns to the portal with a one-time code.
3. `token`: the code becomes a short-lived access token (HTTP Basic: client id + OAuth password).
4. `organisation_roles`: the organisation picked and the person's roles in it, asked again at every
   rights check while the token lives.

Every call carries `X-AsiointivaltuudetAuthorization: <clientId> <timestamp> <checksum>`, the
checksum being Base64(HMAC-SHA256(API key, path + timestamp)).
"""

import base64
import hashlib
import hmac
import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import requests
from django.conf import settings
from django.views.decorators.debug import sensitive_variables

HEADER = "X-AsiointivaltuudetAuthorization"
REGISTER_PATH = "/service/ypa/user/register/{client_id}/{identity_code}"
AUTHORIZE_PATH = "/oauth/authorize"
TOKEN_PATH = "/oauth/token"  # noqa: S105 (an address, not a secret)
ROLES_PATH = "/service/ypa/api/organizationRoles/{session_id}"

# The register address carries the identity code, as the API wants it; urllib3 would write the
# address to the debug log.
logging.getLogger("urllib3.connectionpool").setLevel(logging.INFO)


class ValtuudetError(Exception):
    """The e-Authorizations service refused or could not be reached; `status` is its HTTP status
    (0 when there was no answer)."""

    def __init__(self, message: str, *, status: int = 0) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Registration:
    session_id: str
    user_id: str


@dataclass(frozen=True)
class Token:
    access_token: str
    expires_at: datetime


@dataclass(frozen=True)
class OrganisationRoles:
    """One organisation in the answer: its identifier as received (checked by the caller), name,
    kind, the person's roles and the mandate issues they hold for it."""

    identifier: str
    name: str
    kind: str
    roles: tuple[str, ...]
    issues: tuple[str, ...]


def timestamp_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def checksum(*, api_key: str, path: str, timestamp: str) -> str:
    digest = hmac.new(api_key.encode(), f"{path}{timestamp}".encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def authorization_header(path: str, *, timestamp: str | None = None) -> str:
    """`path` is the request's path with its query string, as the service receives it."""
    timestamp = timestamp or timestamp_now()
    signature = checksum(api_key=settings.VALTUUDET_API_KEY, path=path, timestamp=timestamp)
    return f"{settings.VALTUUDET_CLIENT_ID} {timestamp} {signature}"


def _base_path() -> str:
    return urlsplit(settings.VALTUUDET_URL).path.rstrip("/")


def _call(method: str, path: str, *, name: str, **kwargs: Any) -> Any:
    """`path` below the configured address; the checksum covers the full path the service sees.

    Errors name the call by `name`, never by its path: the register path holds the identity code,
    and errors end up in the audit log and in log lines."""
    url = settings.VALTUUDET_URL.rstrip("/") + path
    full_path = _base_path() + path
    headers = {HEADER: authorization_header(full_path), **kwargs.pop("headers", {})}
    try:
        response = requests.request(
            method, url, headers=headers, timeout=settings.VALTUUDET_TIMEOUT, **kwargs
        )
    except requests.RequestException as error:
        raise ValtuudetError(f"{name}: no answer: {type(error).__name__}") from None
    if response.status_code != 200:
        raise ValtuudetError(f"{name}: HTTP {response.status_code}", status=response.status_code)
    try:
        return response.json()
    except ValueError:
        raise ValtuudetError(
            f"{name}: the answer is not JSON", status=response.status_code
        ) from None


@sensitive_variables("identity_code", "path")
def register(*, identity_code: str) -> Registration:
    path = REGISTER_PATH.format(
        client_id=quote(settings.VALTUUDET_CLIENT_ID, safe=""), identity_code=quote(identity_code)
    )
    # requestId identifies the call in the service's own logs; nothing personal.
    answer = _call(
        "GET", f"{path}?{urlencode({'requestId': secrets.token_hex(16)})}", name="register"
    )
    try:
        return Registration(session_id=str(answer["sessionId"]), user_id=str(answer["userId"]))
    except (KeyError, TypeError):
        raise ValtuudetError("register: sessionId or userId missing") from None


def authorize_url(*, user_id: str, redirect_uri: str, language: str) -> str:
    query = urlencode(
        {
            "client_id": settings.VALTUUDET_CLIENT_ID,
            "response_type": "code",
            "redirect_uri": redirect_uri,
            "user": user_id,
            "lang": language,
        }
    )
    return f"{settings.VALTUUDET_URL.rstrip('/')}{AUTHORIZE_PATH}?{query}"


def token(*, code: str, redirect_uri: str) -> Token:
    answer = _call(
        "POST",
        TOKEN_PATH,
        name="token",
        data={"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri},
        auth=(settings.VALTUUDET_CLIENT_ID, settings.VALTUUDET_OAUTH_PASSWORD),
    )
    try:
        lifetime = int(answer.get("expires_in", 600))
        return Token(
            access_token=str(answer["access_token"]),
            expires_at=datetime.now(UTC) + timedelta(seconds=lifetime),
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        raise ValtuudetError("token: access_token missing") from None


def organisation_roles(*, session_id: str, access_token: str) -> list[OrganisationRoles]:
    answer = _call(
        "GET",
        ROLES_PATH.format(session_id=quote(session_id, safe="")),
        name="organizationRoles",
        headers={"Authorization": f"Bearer {access_token}"},
    )
    if not isinstance(answer, list):
        raise ValtuudetError("organizationRoles: not a list")
    try:
        return [
            OrganisationRoles(
                identifier=str((entry.get("identifiers") or [""])[0]),
                name=str(entry["name"]),
                kind=str(entry.get("type", "")),
                roles=tuple(str(role) for role in entry.get("roles") or ()),
                issues=tuple(str(issue) for issue in entry.get("issues") or ()),
            )
            for entry in answer
        ]
    except (KeyError, TypeError, AttributeError):
        raise ValtuudetError("organizationRoles: an entry is malformed") from None
