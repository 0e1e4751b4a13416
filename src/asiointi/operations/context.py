"""What the current request (or task) is, for every log record written while it runs."""

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass
class RequestContext:
    request_id: str = ""
    view: str = ""


current: ContextVar[RequestContext | None] = ContextVar("asiointi_request", default=None)
