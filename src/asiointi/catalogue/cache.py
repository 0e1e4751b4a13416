"""Anonymous catalogue pages are the same for everyone: render once per catalogue version.

The version lives in the cache, so with Redis every web node sees a change at once; with a
per-process local cache a node may serve a page up to CATALOGUE_CACHE_SECONDS old.
"""

import hashlib
import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from asiointi.advice import seconds_until_change

VERSION_KEY = "catalogue:version"


def catalogue_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY, "")
    return str(version)


def catalogue_changed() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def _is_anonymous_visit(request: HttpRequest) -> bool:
    # Looking at the cookie, not request.user, spares a session lookup on every cached page.
    return request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES


def cache_public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _is_anonymous_visit(request):
            return view(request, *args, **kwargs)
        path_hash = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"catalogue:page:{get_language()}:{path_hash}"
        # One round trip for both: the page is kept with the version it was rendered for.
        found = cache.get_many([VERSION_KEY, key])
        version = found.get(VERSION_KEY) or catalogue_version()
        cached = found.get(key)
        if cached is not None and cached[0] == version:
            return HttpResponse(cached[1], content_type=cached[2])
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            page = (version, response.content, response["Content-Type"])
            # The page's footer says whether advice is open now: keep it no longer than that holds.
            timeout = min(settings.CATALOGUE_CACHE_SECONDS, seconds_until_change())
            cache.set(key, page, timeout)
        return response

    return wrapper
