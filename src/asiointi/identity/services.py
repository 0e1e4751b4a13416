import logging
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib import auth
from django.contrib.auth import login, logout
from django.contrib.sessions.backends.base import SessionBase
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.module_loading import import_string
from django.views.decorators.debug import sensitive_variables

from asiointi.identity.models import LoginSession, User
from asiointi.identity.providers.base import (
    Identification,
    IdentificationFailed,
    ProviderSession,
)
from asiointi.operations.metrics import IDENTIFICATION_FAILURES
from asiointi.privacy.identity_codes import (
    identity_code_decrypt,
    identity_code_digest,
    identity_code_encrypt,
)
from asiointi.privacy.models import AuditEvent
from asiointi.privacy.services import audit_record

logger = logging.getLogger(__name__)

SESSION_LOA = "identity_loa"
SESSION_METHOD = "identity_method"
SESSION_PROVIDER = "identity_provider"
SESSION_STARTED_AT = "identity_started_at"
SESSION_LAST_SEEN = "identity_last_seen"
SESSION_MAIL = "identity_mail"
# Kept from "Log in" until the identification's answer: where to go next, and in which language.
SESSION_NEXT = "identity_next"
SESSION_LANGUAGE = "identity_language"
CARRIED_KEYS = (SESSION_NEXT, SESSION_LANGUAGE)
# What a login writes in the session.
LOGIN_KEYS = frozenset(
    {
        auth.SESSION_KEY,
        auth.BACKEND_SESSION_KEY,
        auth.HASH_SESSION_KEY,
        SESSION_LOA,
        SESSION_METHOD,
        SESSION_PROVIDER,
        SESSION_STARTED_AT,
        SESSION_LAST_SEEN,
        SESSION_MAIL,
    }
)


# Django's debug error page lists local variables: keep the identity code off it.
@sensitive_variables()
@transaction.atomic
def person_login(*, request: HttpRequest, identification: Identification) -> User:
    """Log in the identified person: the same identity code is always the same account.

    Identifying again while logged in is a new login (a new session id); two answers for the
    same browser arriving at the same moment (two tabs) end in one login, not two.
    """
    person = _person_locked(identification)
    _register_details_refresh(person, identification)
    previous_key = request.session.session_key or ""
    joined = _login_joined(request, person=person, previous_key=previous_key)
    if joined is None:
        # Where the person was going survives a login that empties another person's session.
        carried = {key: request.session[key] for key in CARRIED_KEYS if key in request.session}
        # login() gives a new session id, so a session id planted before login is worthless;
        # Django keeps the id when the same person logs in again, the portal does not.
        login(request, person, backend="django.contrib.auth.backends.ModelBackend")
        if previous_key and request.session.session_key == previous_key:
            request.session.cycle_key()
        request.session.update(carried)
    request.session[SESSION_LOA] = identification.loa
    request.session[SESSION_METHOD] = identification.method
    request.session[SESSION_PROVIDER] = identification.provider
    request.session[SESSION_STARTED_AT] = request.session[SESSION_LAST_SEEN] = time.time()
    # Suomi.fi's mail attribute only pre-fills the registration form; it is confirmed by code too.
    request.session[SESSION_MAIL] = identification.email
    request.session.save()
    tie = {
        "user": person,
        "provider": identification.provider,
        "provider_session_id": identification.provider_session_id,
        "provider_subject": identification.provider_subject,
        "id_token_encrypted": (
            identity_code_encrypt(identification.id_token) if identification.id_token else ""
        ),
    }
    session_key = request.session.session_key or ""
    if joined is not None:
        LoginSession.objects.filter(pk=joined.pk).update(**tie)
    else:
        # The session this login replaced, or an older tie to the same id, ties nothing now.
        LoginSession.objects.filter(session_key__in=[previous_key, session_key]).delete()
        LoginSession.objects.create(
            session_key=session_key, replaced_session_key=previous_key, **tie
        )
    audit_record(
        action=AuditEvent.Action.LOGIN,
        request=request,
        user=person,
        target=identification.provider,
        details={"loa": identification.loa, "method": identification.method},
    )
    return person


def _subject_take(person: User, subject: str) -> None:
    """The provider's `sub` names this person now; an account that held it before (the
    provider re-used it, or the code changed) lets go of it."""
    User.objects.filter(provider_subject=subject).exclude(pk=person.pk).update(
        provider_subject=None
    )
    person.provider_subject = subject


@sensitive_variables()
def _register_details_refresh(person: User, identification: Identification) -> None:
    """Names and address are the register's, refreshed at every login; a provider that does not
    release the names leaves the known ones. An address left out is a protected address."""
    person.first_name = identification.first_names or person.first_name
    person.last_name = identification.last_name or person.last_name
    person.home_municipality_code = identification.home_municipality_code
    person.home_municipality_name = identification.home_municipality_name
    person.street_address = identification.street_address
    person.postal_code = identification.postal_code
    person.post_office = identification.post_office
    if identification.provider == "oidc" and identification.provider_subject:
        _subject_take(person, identification.provider_subject)
    person.save()


@sensitive_variables()
def _person_locked(identification: Identification) -> User:
    """The person's account, locked until the login is done, so logins of one person queue."""
    digest = identity_code_digest(identification.identity_code)
    person = User.objects.select_for_update().filter(identity_code_digest=digest).first()
    if person is not None:
        return person
    person = User(
        username=f"person-{uuid.uuid4()}",
        identity_code_digest=digest,
        identity_code_encrypted=identity_code_encrypt(identification.identity_code),
    )
    person.set_unusable_password()
    try:
        with transaction.atomic():
            person.save()
    except IntegrityError:
        # The first login ever, answered in two tabs at once: the other one made the account.
        return User.objects.select_for_update().get(identity_code_digest=digest)
    return person


def _login_joined(request: HttpRequest, *, person: User, previous_key: str) -> LoginSession | None:
    """The login another answer has just made from this browser's session, now taken over.

    Two tabs send their answers with the same session id; the first to get the person's lock
    logs in and replaces that id. The second finds the login that replaced its session and
    continues it, so both tabs end in the same session whichever answer the browser takes last.
    """
    if not previous_key:
        return None
    # Only while an identification started in that session could still be answered.
    since = timezone.now() - timedelta(seconds=settings.IDENTIFICATION_TIMEOUT_SECONDS)
    joined = (
        LoginSession.objects.filter(
            user=person, replaced_session_key=previous_key, created_at__gte=since
        )
        .order_by("-pk")
        .first()
    )
    if joined is None:
        return None
    session = request.session.__class__(session_key=joined.session_key)
    if session.get(auth.SESSION_KEY) != str(person.pk):
        return None  # that session has ended since
    # What this request changed in the old session (an answer's state spent) holds there too.
    for key in list(session.keys()):
        if key not in request.session and key not in LOGIN_KEYS:
            del session[key]
    for key, value in request.session.items():
        if key not in LOGIN_KEYS:
            session[key] = value
    request.session = session
    request.user = person
    return joined


def identification_failed(*, request: HttpRequest, failure: IdentificationFailed) -> None:
    # The detail names the check that failed, never the answer's content.
    detail = "".join(c if c.isprintable() else "?" for c in failure.detail)[:200]
    logger.warning("identification refused (%s): %s", failure.reason, detail or "-")
    IDENTIFICATION_FAILURES.labels(reason=failure.reason).inc()
    audit_record(
        action=AuditEvent.Action.LOGIN_FAILED,
        request=request,
        details={"reason": failure.reason, "detail": detail},
    )


def person_logout(*, request: HttpRequest) -> ProviderSession | None:
    """End the portal session on the server; the provider's session is ended after this, with
    what is returned here."""
    ended = None
    if request.user.is_authenticated:
        audit_record(action=AuditEvent.Action.LOGOUT, request=request, user=request.user)  # type: ignore[arg-type]
        login_session = LoginSession.objects.filter(session_key=request.session.session_key).first()
        if login_session is not None:
            ended = ProviderSession(
                provider=login_session.provider,
                session_id=login_session.provider_session_id,
                subject=login_session.provider_subject,
                id_token=_id_token(login_session),
            )
            login_session.delete()
    logout(request)
    return ended


@sensitive_variables()
def _id_token(login_session: LoginSession) -> str:
    if not login_session.id_token_encrypted:
        return ""
    try:
        return identity_code_decrypt(login_session.id_token_encrypted)
    except ValueError:
        return ""  # encrypted with a key since retired: the provider asks instead


def sessions_end_for_provider_session(
    *, provider: str, session_id: str = "", subject: str = ""
) -> int:
    """End the portal sessions tied to an identity provider session that ended elsewhere."""
    if not session_id and not subject:
        return 0
    logins = LoginSession.objects.filter(provider=provider)
    logins = (
        logins.filter(provider_session_id=session_id)
        if session_id
        else logins.filter(provider_subject=subject)
    )
    store_class: type[SessionBase] = import_string(f"{settings.SESSION_ENGINE}.SessionStore")
    ended = 0
    for login_session in logins.select_related("user"):
        store_class(session_key=login_session.session_key).delete()
        audit_record(
            action=AuditEvent.Action.LOGOUT,
            user=login_session.user,
            target=provider,
            details={"started_by": "identity provider"},
        )
        login_session.delete()
        ended += 1
    return ended
