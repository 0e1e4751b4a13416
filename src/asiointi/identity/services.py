import time
import uuid

from django.conf import settings
from django.contrib.auth import login, logout
from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django.http import HttpRequest
from django.utils.module_loading import import_string
from django.views.decorators.debug import sensitive_variables

from asiointi.identity.models import LoginSession, User
from asiointi.identity.providers.base import (
    Identification,
    IdentificationFailed,
    ProviderSession,
)
from asiointi.privacy.identity_codes import identity_code_digest, identity_code_encrypt
from asiointi.privacy.models import AuditEvent
from asiointi.privacy.services import audit_record

SESSION_LOA = "identity_loa"
SESSION_METHOD = "identity_method"
SESSION_PROVIDER = "identity_provider"
SESSION_STARTED_AT = "identity_started_at"
SESSION_LAST_SEEN = "identity_last_seen"
SESSION_MAIL = "identity_mail"
# Kept from "Log in" until the identification's answer: where to go next, and in which language.
SESSION_NEXT = "identity_next"
SESSION_LANGUAGE = "identity_language"


# Django's debug error page lists local variables: keep the identity code off it.
@sensitive_variables()
@transaction.atomic
def person_login(*, request: HttpRequest, identification: Identification) -> User:
    """Log in the identified person: the same identity code is always the same account."""
    digest = identity_code_digest(identification.identity_code)
    person = User.objects.select_for_update().filter(identity_code_digest=digest).first()
    if person is None:
        person = User(
            username=f"person-{uuid.uuid4()}",
            identity_code_digest=digest,
            identity_code_encrypted=identity_code_encrypt(identification.identity_code),
        )
        person.set_unusable_password()
    # Names and address are the register's, refreshed at every login.
    person.first_name = identification.first_names
    person.last_name = identification.last_name
    person.home_municipality_code = identification.home_municipality_code
    person.home_municipality_name = identification.home_municipality_name
    person.street_address = identification.street_address
    person.postal_code = identification.postal_code
    person.post_office = identification.post_office
    person.save()

    # login() gives a new session key, so a session id planted before login is worthless.
    login(request, person, backend="django.contrib.auth.backends.ModelBackend")
    request.session[SESSION_LOA] = identification.loa
    request.session[SESSION_METHOD] = identification.method
    request.session[SESSION_PROVIDER] = identification.provider
    request.session[SESSION_STARTED_AT] = request.session[SESSION_LAST_SEEN] = time.time()
    # Suomi.fi's mail attribute only pre-fills the registration form; it is confirmed by code too.
    request.session[SESSION_MAIL] = identification.email
    request.session.save()
    LoginSession.objects.create(
        session_key=request.session.session_key or "",
        user=person,
        provider=identification.provider,
        provider_session_id=identification.provider_session_id,
        provider_subject=identification.provider_subject,
    )
    audit_record(
        action=AuditEvent.Action.LOGIN,
        request=request,
        user=person,
        target=identification.provider,
        details={"loa": identification.loa, "method": identification.method},
    )
    return person


def identification_failed(*, request: HttpRequest, failure: IdentificationFailed) -> None:
    audit_record(
        action=AuditEvent.Action.LOGIN_FAILED,
        request=request,
        details={"reason": failure.reason, "detail": failure.detail[:200]},
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
            )
            login_session.delete()
    logout(request)
    return ended


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
