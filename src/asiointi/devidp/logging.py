"""The e-Authorizations register call carries the person's identity code in its path, as the
Web API wants it; the development server's request log must not keep it."""

import logging
import re

REGISTER_PATH = re.compile(r"(/ypa/user/register/[^/\s]+/)[^?\s\"]+")


def identity_code_redact(text: str) -> str:
    return REGISTER_PATH.sub(r"\1***", text)


class RegisterPathFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = identity_code_redact(str(record.msg))
        if isinstance(record.args, tuple):
            record.args = tuple(
                identity_code_redact(arg) if isinstance(arg, str) else arg for arg in record.args
            )
        return True


def request_logs_redact() -> None:
    # django.server logs each request line; django.request logs failed requests' paths.
    for name in ("django.server", "django.request"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RegisterPathFilter) for f in logger.filters):
            logger.addFilter(RegisterPathFilter())
