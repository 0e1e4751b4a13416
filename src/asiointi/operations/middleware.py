"""First in the middleware: a request id, the request's log line, and its latency metric."""

import logging
import re
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.signals import request_finished
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

from asiointi.operations.context import RequestContext, current
from asiointi.operations.metrics import REQUEST_SECONDS

logger = logging.getLogger("asiointi.request")

HEADER = "X-Request-ID"
# What a proxy's id may look like (nginx's $request_id is 32 hex digits); anything else is
# replaced, so a log line never carries what a client wrote.
ACCEPTED_ID = re.compile(r"[A-Za-z0-9._:-]{8,64}")
# Not timed per view: the scraper's and load balancer's own requests.
UNMEASURED = {"metrics", "healthz", "readyz"}


def request_id_of(request: HttpRequest) -> str:
    """The id the nearest trusted proxy gave the request, else a new one.

    Only behind a proxy of the city's own (TRUSTED_PROXY_COUNT > 0), which must set the header
    itself (nginx: proxy_set_header X-Request-ID $request_id), is the incoming header believed."""
    incoming = request.headers.get(HEADER, "")
    if settings.TRUSTED_PROXY_COUNT > 0 and ACCEPTED_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


@receiver(request_finished)
def _request_ended(**kwargs: object) -> None:
    current.set(None)


class RequestObservationMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        context = RequestContext(request_id=request_id_of(request))
        # Not reset on the way out: Django logs a 4xx/5xx answer (django.request) after the
        # middleware has returned, and that line belongs to this request too (request_finished
        # ends it).
        current.set(context)
        started = time.perf_counter()
        response = self.get_response(request)
        duration = time.perf_counter() - started
        match = request.resolver_match
        context.view = match.view_name if match else ""
        response[HEADER] = context.request_id
        self._record(request, response.status_code, duration, context.view)
        return response

    def _record(self, request: HttpRequest, status: int, duration: float, view: str) -> None:
        if view in UNMEASURED:
            return
        REQUEST_SECONDS.labels(
            view=view or "unresolved", method=request.method or "", status=str(status)
        ).observe(duration)
        # The path without its query string: a query may carry what a person typed or a code
        # from an identity provider.
        logger.info(
            "%s %s %s",
            request.method,
            request.path,
            status,
            extra={
                "status": status,
                "duration_ms": round(duration * 1000, 1),
                "method": request.method,
                "path": request.path,
            },
        )
