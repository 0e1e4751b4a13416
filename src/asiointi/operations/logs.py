"""Log records as one JSON object per line (LOG_FORMAT=json, production's default).

Fields: time (UTC, ISO 8601), level, logger, message, request_id and view (of the request or task
being served, where there is one), status and duration_ms (on the request log line), exception
(the traceback, when one is logged). Messages are written by the portal's own code, which keeps
identity codes and other personal data out of them; nothing from the request (query strings,
headers, form fields) is added here.
"""

import json
import logging
from datetime import UTC, datetime

from asiointi.operations.context import current

# Set on the request log line by the middleware (logger.info(..., extra=...)).
EXTRA_FIELDS = ("status", "duration_ms", "method", "path")


class RequestContextFilter(logging.Filter):
    """Copies the current request id and view name onto every record, for both formats."""

    def filter(self, record: logging.LogRecord) -> bool:
        context = current.get()
        record.request_id = context.request_id if context else ""
        if not getattr(record, "view", ""):
            record.view = context.view if context else ""
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", ""),
            "view": getattr(record, "view", ""),
        }
        for name in EXTRA_FIELDS:
            if hasattr(record, name):
                entry[name] = getattr(record, name)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False, default=str)


class PlainFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s")
