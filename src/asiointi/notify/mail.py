"""E-mail goes through Django's backends; this one stands in when production has none configured."""

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.mail.backends.base import BaseEmailBackend


class UnconfiguredEmailBackend(BaseEmailBackend):
    """Fails at once, inside the sending action, instead of dropping the message."""

    def __init__(self, fail_silently: bool = False, **kwargs: Any) -> None:
        raise ImproperlyConfigured(
            "No e-mail server is configured: set EMAIL_HOST (or EMAIL_BACKEND). "
            "E-mail is never dropped silently."
        )
