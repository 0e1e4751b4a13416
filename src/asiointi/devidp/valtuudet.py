"""The test e-Authorizations service's rules: who the portal is (client id, API key, OAuth
password, return address, all from settings), the HMAC header, demo organisations and roles."""

import base64
import hashlib
import hmac
import secrets
import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from stdnum.fi import ytunnus

from asiointi.devidp.context import current_origin
from asiointi.devidp.models import AuthorizationSession, DemoOrganisation, DemoRole, digest
from asiointi.devidp.persons import all_persons, person_by_key

ORGANISATIONS_FILE = Path(__file__).resolve().parent / "demo" / "organisations.toml"
HEADER = "HTTP_X_ASIOINTIVALTUUDETAUTHORIZATION"
TIMESTAMP_WINDOW = timedelta(minutes=5)
SESSION_LIFETIME = timedelta(minutes=30)
CODE_LIFETIME = timedelta(minutes=2)
TOKEN_LIFETIME = timedelta(minutes=10)
KINDS = ("company", "registered_association", "unregistered_group")


class Refused(Exception):
    """An API call the service refuses: `status` is the HTTP status it answers with."""

    def __init__(self, status: int, error: str) -> None:
        super().__init__(error)
        self.status = status
        self.error = error


def header_verify(request: HttpRequest) -> None:
    """`<clientId> <timestamp> <checksum>`: the portal's client id, a timestamp within five
    minutes of now, and Base64(HMAC-SHA256(API key, path + timestamp))."""
    parts = request.META.get(HEADER, "").split(" ")
    if len(parts) != 3:
        raise Refused(401, "missing or malformed X-AsiointivaltuudetAuthorization")
    client_id, timestamp, checksum = parts
    if client_id != settings.DEVIDP_VALTUUDET_CLIENT_ID:
        raise Refused(401, "unknown client")
    try:
        moment = datetime.fromisoformat(timestamp)
    except ValueError:
        raise Refused(401, "malformed timestamp") from None
    if moment.tzinfo is None or abs(datetime.now(UTC) - moment) > TIMESTAMP_WINDOW:
        raise Refused(401, "timestamp outside the allowed window")
    message = f"{request.get_full_path()}{timestamp}".encode()
    key = settings.DEVIDP_VALTUUDET_API_KEY.encode()
    expected = base64.b64encode(hmac.new(key, message, hashlib.sha256).digest()).decode()
    if not hmac.compare_digest(expected.encode(), checksum.encode()):
        raise Refused(401, "checksum does not match")


def client_password_check(client_id: str, password: str) -> bool:
    return client_id == settings.DEVIDP_VALTUUDET_CLIENT_ID and hmac.compare_digest(
        password.encode(), settings.DEVIDP_VALTUUDET_OAUTH_PASSWORD.encode()
    )


def redirect_uri_check(redirect_uri: str) -> bool:
    """The portal's return address on the service's own origin, whatever the port."""
    return redirect_uri == f"{current_origin()}{settings.DEVIDP_VALTUUDET_CALLBACK_PATH}"


def _checked_identifier(entry: dict[str, str]) -> str:
    identifier, kind = entry["identifier"], entry["kind"]
    if kind not in KINDS:
        raise ImproperlyConfigured(f"Test organisation {identifier}: unknown kind {kind}")
    if kind != "unregistered_group" and not ytunnus.is_valid(identifier):
        raise ImproperlyConfigured(f"Test organisation {identifier}: not a valid business ID")
    return identifier


@transaction.atomic
def demo_ensure() -> None:
    """Load the demo organisations and roles once, on first use; roles removed later stay away."""
    if DemoOrganisation.objects.exists():
        return
    with ORGANISATIONS_FILE.open("rb") as f:
        demo = tomllib.load(f)
    by_identifier = {
        entry["identifier"]: DemoOrganisation.objects.create(
            identifier=_checked_identifier(entry), name=entry["name"], kind=entry["kind"]
        )
        for entry in demo["organisation"]
    }
    for entry in demo["role"]:
        if person_by_key(entry["person"]) is None:
            raise ImproperlyConfigured(f"Test role: no test person {entry['person']}")
        DemoRole.objects.create(
            person_key=entry["person"],
            organisation=by_identifier[entry["organisation"]],
            roles=entry.get("roles", []),
            issues=entry.get("issues", []),
        )


def session_register(*, client_id: str, identity_code: str) -> AuthorizationSession:
    person = next((p for p in all_persons() if p.identity_code == identity_code.upper()), None)
    return AuthorizationSession.objects.create(
        session_id=secrets.token_urlsafe(24),
        user_id=secrets.token_urlsafe(24),
        client_id=client_id,
        person_key=person.key if person else "",
    )


def session_for_user(user_id: str) -> AuthorizationSession | None:
    """A registered session whose selection has not been made yet."""
    return AuthorizationSession.objects.filter(
        user_id=user_id,
        created_at__gt=timezone.now() - SESSION_LIFETIME,
        code_digest="",
        token_digest="",
    ).first()


def choices_for(session: AuthorizationSession) -> tuple[list[DemoRole], list[DemoOrganisation]]:
    """The organisations the person may pick, and (for testing refusals) the others."""
    demo_ensure()
    roles = list(
        DemoRole.objects.filter(person_key=session.person_key)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    others = DemoOrganisation.objects.exclude(pk__in=[r.organisation_id for r in roles])
    return roles, list(others.order_by("name"))


def code_issue(
    *, session: AuthorizationSession, organisation: DemoOrganisation, redirect_uri: str
) -> str:
    code = secrets.token_urlsafe(24)
    session.organisation = organisation
    session.code_digest = digest(code)
    session.code_expires_at = timezone.now() + CODE_LIFETIME
    session.redirect_uri = redirect_uri
    session.save()
    return code


@transaction.atomic
def token_issue(*, code: str, redirect_uri: str) -> tuple[str, int]:
    """A code works once, for two minutes, with the address it was issued for."""
    session = (
        AuthorizationSession.objects.select_for_update()
        .filter(code_digest=digest(code), token_digest="")
        .first()
    )
    if session is None or session.code_expires_at is None:
        raise Refused(400, "invalid_grant")
    if session.code_expires_at < timezone.now() or session.redirect_uri != redirect_uri:
        raise Refused(400, "invalid_grant")
    access_token = secrets.token_urlsafe(32)
    session.token_digest = digest(access_token)
    session.token_expires_at = timezone.now() + TOKEN_LIFETIME
    session.save()
    return access_token, int(TOKEN_LIFETIME.total_seconds())


def roles_answer(*, session_id: str, access_token: str) -> list[dict[str, object]]:
    """The organisation picked in the session, with the person's roles in it as they are now."""
    session = (
        AuthorizationSession.objects.filter(
            session_id=session_id, token_digest=digest(access_token)
        )
        .select_related("organisation")
        .first()
    )
    if session is None or session.organisation is None:
        raise Refused(401, "invalid_token")
    if session.token_expires_at is None or session.token_expires_at < timezone.now():
        raise Refused(401, "invalid_token: expired")
    organisation = session.organisation
    role = DemoRole.objects.filter(person_key=session.person_key, organisation=organisation).first()
    return [
        {
            "name": organisation.name,
            "identifiers": [organisation.identifier],
            "type": organisation.kind,
            "roles": role.roles if role else [],
            "issues": role.issues if role else [],
            "complete": True,
        }
    ]
