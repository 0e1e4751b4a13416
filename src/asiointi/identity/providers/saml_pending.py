"""Logins waiting for Suomi.fi's answer.

Suomi.fi POSTs its Response to the ACS from its own site, so the browser leaves the portal's
SameSite=Lax session cookie out of that request. Loosening the session cookie to SameSite=None
would send it along with every cross-site request to every page. Instead, each AuthnRequest's id,
with the person's return address and language, is kept server-side in a short-lived record of the
session store (shared by all workers in every profile), found through a cookie of its own: it is
SameSite=None, holds only the record's random key, is sent only to /identity/saml/ and lives only
as long as an identification may take. The cookie ties the answer to the browser that asked, so a
Response obtained by someone else cannot log another person in; the record's entry is taken on
use, so a Response works once. The ACS then logs the person in with a new session id.
"""

import time
from dataclasses import asdict, dataclass
from importlib import import_module

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

COOKIE_NAME = "asiointi_saml"
COOKIE_PATH = "/identity/saml/"
ENTRIES_KEY = "pending_logins"
MAX_PENDING = 5


@dataclass(frozen=True)
class PendingLogin:
    request_id: str
    next_url: str
    language: str
    started_at: float

    def expired(self) -> bool:
        return time.time() - self.started_at > settings.IDENTIFICATION_TIMEOUT_SECONDS


def _store(request: HttpRequest) -> SessionBase:
    engine = import_module(settings.SESSION_ENGINE)
    store: SessionBase = engine.SessionStore(session_key=request.COOKIES.get(COOKIE_NAME))
    return store


def pending_remember(
    request: HttpRequest, response: HttpResponse, *, request_id: str, next_url: str, language: str
) -> None:
    store = _store(request)
    pending = [PendingLogin(**value) for value in store.get(ENTRIES_KEY, {}).values()]
    # A login per open tab is enough; pressing "Log in" again and again must not grow the record.
    kept = sorted((p for p in pending if not p.expired()), key=lambda p: p.started_at)
    kept = [*kept[-(MAX_PENDING - 1) :], PendingLogin(request_id, next_url, language, time.time())]
    entries = {p.request_id: asdict(p) for p in kept}
    store[ENTRIES_KEY] = entries
    store.set_expiry(settings.IDENTIFICATION_TIMEOUT_SECONDS)
    store.save()
    secure = request.is_secure()
    response.set_cookie(
        COOKIE_NAME,
        store.session_key or "",
        max_age=settings.IDENTIFICATION_TIMEOUT_SECONDS,
        path=COOKIE_PATH,
        httponly=True,
        secure=secure,
        # Browsers refuse SameSite=None without Secure; plain HTTP (development only) leaves the
        # attribute out and gets the browser's default.
        samesite="None" if secure else None,
    )


def pending_find(request: HttpRequest, request_id: str) -> PendingLogin | None:
    """The login that request_id answers, if this browser started it and it has not expired."""
    if not request_id or COOKIE_NAME not in request.COOKIES:
        return None
    entry = _store(request).get(ENTRIES_KEY, {}).get(request_id)
    if entry is None:
        return None
    pending = PendingLogin(**entry)
    return None if pending.expired() else pending


def pending_take(request: HttpRequest, pending: PendingLogin) -> bool:
    """Use up the pending login; False if it was already used (a replayed Response)."""
    store = _store(request)
    entries = store.get(ENTRIES_KEY, {})
    if entries.pop(pending.request_id, None) is None:
        return False
    if entries:
        store[ENTRIES_KEY] = entries
        store.save()
    else:
        store.delete()
    # Two copies of one Response arriving at once could both read the entry before either
    # removes it; only one of them gets to add this key.
    timeout = settings.IDENTIFICATION_TIMEOUT_SECONDS
    return bool(cache.add(f"identity:saml-used:{pending.request_id}", 1, timeout))
