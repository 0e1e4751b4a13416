"""Text messages: one small gateway interface, chosen by the SMS_BACKEND setting."""

import json
import urllib.error
import urllib.request
from typing import Any, Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string


class SmsGateway(Protocol):
    def send(self, *, to: str, text: str) -> None:
        """Hand one message to the gateway, `to` in E.164 form; raise SmsGatewayError if refused."""


class SmsGatewayError(Exception):
    """The gateway did not take the message; sending it again later may work."""


def sms_gateway() -> SmsGateway:
    if not settings.SMS_BACKEND:
        raise ImproperlyConfigured(
            "No SMS gateway is configured: set SMS_GATEWAY_URL (or SMS_BACKEND). "
            "Text messages are never dropped silently."
        )
    gateway: SmsGateway = import_string(settings.SMS_BACKEND)()
    return gateway


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    # A redirect would carry the bearer token elsewhere, or turn the POST into a GET.
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class HttpSmsGateway:
    """An HTTP gateway that takes `{"sender", "to", "text"}` as JSON with a bearer token."""

    def __init__(
        self,
        *,
        url: str | None = None,
        token: str | None = None,
        sender: str | None = None,
        timeout: float | None = None,
    ) -> None:
        self.url = settings.SMS_GATEWAY_URL if url is None else url
        self.token = settings.SMS_GATEWAY_TOKEN if token is None else token
        self.sender = settings.SMS_SENDER if sender is None else sender
        self.timeout = settings.SMS_GATEWAY_TIMEOUT if timeout is None else timeout
        if not self.url.startswith(("https://", "http://")):
            raise ImproperlyConfigured("SMS_GATEWAY_URL must be an http(s) address.")
        self._opener = urllib.request.build_opener(_NoRedirects)

    def send(self, *, to: str, text: str) -> None:
        request = urllib.request.Request(  # noqa: S310 (the scheme is checked above)
            self.url,
            data=json.dumps({"sender": self.sender, "to": to, "text": text}).encode(),
            method="POST",
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "Accept": "application/json",
                "Authorization": f"Bearer {self.token}",
            },
        )
        # Errors name the status only: the gateway's answer may repeat the number or the text.
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as error:
            raise SmsGatewayError(
                f"SMS gateway {self.url} answered HTTP {error.code} {error.reason}"
            ) from error
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise SmsGatewayError(
                f"SMS gateway {self.url} could not be reached: {reason}"
            ) from error
