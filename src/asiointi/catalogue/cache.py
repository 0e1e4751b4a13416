"""Anonymous catalogue pages are the same for everyone: render once per catalogue version.

The version lives in the cache, so with Redis every web node sees a change at once; with a
per-process local cache a node may serve a page up to CATALOGUE_CACHE_SECONDS old.

In front of that, each process keeps the pages it served for CATALOGUE_LOCAL_CACHE_SECONDS (a
couple of seconds): during a rush of visitors most pages then cost no Redis round trip at all,
and another node's change shows here that much later. A change made in this process clears them.
"""

import hashlib
import time
import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any, NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from asiointi.advice import seconds_until_change

VERSION_KEY = "catalogue:version"
LOCAL_PAGES_MAX = 500


class _Page(NamedTuple):
    version: str
    content: bytes
    content_type: str


# This process's pages: key -> (served until, on the monotonic clock; the page).
_local_pages: dict[str, tuple[float, _Page]] = {}


def _local_page(key: str) -> _Page | None:
    found = _local_pages.get(key)
    return found[1] if found is not None and found[0] > time.monotonic() else None


def _local_page_keep(key: str, page: _Page, seconds: float) -> None:
    seconds = min(seconds, settings.CATALOGUE_LOCAL_CACHE_SECONDS)
    if seconds <= 0:
        return
    if len(_local_pages) >= LOCAL_PAGES_MAX:
        _local_pages.clear()  # a long tail of searches must not grow the process
    _local_pages[key] = (time.monotonic() + seconds, page)


def catalogue_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY, "")
    return str(version)


def catalogue_changed() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    _local_pages.clear()


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
        local = _local_page(key)
        if local is not None:
            return HttpResponse(local.content, content_type=local.content_type)
        # One round trip for both: the page is kept with the version it was rendered for.
        found = cache.get_many([VERSION_KEY, key])
        version = found.get(VERSION_KEY) or catalogue_version()
        cached = found.get(key)
        # The page's footer says whether advice is open now: keep it no longer than that holds.
        timeout = min(settings.CATALOGUE_CACHE_SECONDS, seconds_until_change())
        if cached is not None and cached[0] == version:
            page = _Page(*cached)
            _local_page_keep(key, page, timeout)
            return HttpResponse(page.content, content_type=page.content_type)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            page = _Page(version, response.content, response["Content-Type"])
            cache.set(key, tuple(page), timeout)
            _local_page_keep(key, page, timeout)
        return response

    return wrapper
