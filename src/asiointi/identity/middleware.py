import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.cache import patch_cache_control

from asiointi.identity.services import SESSION_LAST_SEEN, SESSION_STARTED_AT, person_logout

# A login for which other limits hold (the back office's staff) writes them into the session.
SESSION_IDLE_TIMEOUT = "session_idle_timeout_seconds"
SESSION_LOGIN_URL_NAME = "session_login_url_name"

# Saving the session on every request would cost a write per page; a minute's precision is enough.
LAST_SEEN_PRECISION_SECONDS = 60


class SessionSecurityMiddleware:
    """Idle timeout and absolute lifetime for logged-in sessions, and no-store on every page a
    logged-in person sees, so Back and reload after logout show nothing personal."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        personal = request.user.is_authenticated
        if personal and self._expired(request):
            login_url = reverse(request.session.get(SESSION_LOGIN_URL_NAME, "identity:login"))
            person_logout(request=request)
            query = urlencode({"expired": "1", "next": request.get_full_path()})
            return HttpResponseRedirect(f"{login_url}?{query}")
        response = self.get_response(request)
        if personal or request.user.is_authenticated:
            patch_cache_control(response, no_store=True, no_cache=True, private=True)
        return response

    def _expired(self, request: HttpRequest) -> bool:
        now = time.time()
        session = request.session
        started = session.setdefault(SESSION_STARTED_AT, now)
        last_seen = session.get(SESSION_LAST_SEEN, now)
        idle_timeout = session.get(SESSION_IDLE_TIMEOUT, settings.SESSION_IDLE_TIMEOUT_SECONDS)
        if now - last_seen > idle_timeout:
            return True
        if now - started > settings.SESSION_MAX_AGE_SECONDS:
            return True
        if now - last_seen >= LAST_SEEN_PRECISION_SECONDS or SESSION_LAST_SEEN not in session:
            session[SESSION_LAST_SEEN] = now
        return False
