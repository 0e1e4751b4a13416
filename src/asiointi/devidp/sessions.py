"""The provider's own session with a browser, kept in its own signed cookie under /devidp.

Not Django's session: the portal's session stays independent, as with a real external provider.
"""

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from asiointi.devidp.context import ISSUER_PATH
from asiointi.devidp.models import IdpSession
from asiointi.devidp.persons import TestPerson, person_by_key

COOKIE_NAME = "devidp_session"
COOKIE_SALT = "asiointi.devidp.session"


def current_session(request: HttpRequest) -> IdpSession | None:
    sid = request.get_signed_cookie(COOKIE_NAME, default=None, salt=COOKIE_SALT)
    if not sid:
        return None
    session = IdpSession.objects.filter(sid=sid).first()
    return session if session is not None and session.is_active else None


def remember(response: HttpResponse, request: HttpRequest, session: IdpSession) -> None:
    response.set_signed_cookie(
        COOKIE_NAME,
        session.sid,
        salt=COOKIE_SALT,
        path=ISSUER_PATH,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


def forget(response: HttpResponse) -> None:
    response.delete_cookie(COOKIE_NAME, path=ISSUER_PATH, samesite="Lax")


@transaction.atomic
def session_identify(
    *, current: IdpSession | None, person_key: str, method: str, acr: str
) -> IdpSession:
    """A fresh identification: the same person keeps their session (and sid), anyone else starts
    a new one."""
    now = timezone.now()
    if current is not None and current.person_key == person_key:
        current.method, current.acr, current.auth_time = method, acr, now
        current.save(update_fields=["method", "acr", "auth_time"])
        return current
    return IdpSession.objects.create(person_key=person_key, method=method, acr=acr, auth_time=now)


def session_end(*, session: IdpSession) -> bool:
    """End the session; False if it had already ended (so clients are told only once)."""
    ended = IdpSession.objects.filter(pk=session.pk, ended_at=None).update(ended_at=timezone.now())
    return bool(ended)


def sessions_of_person(*, person_key: str) -> list[IdpSession]:
    candidates = IdpSession.objects.filter(person_key=person_key, ended_at=None)
    return [session for session in candidates if session.is_active]


def person_of(session: IdpSession | None) -> TestPerson | None:
    return person_by_key(session.person_key) if session else None
