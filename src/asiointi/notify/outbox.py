"""The development outbox: the embedded profile's e-mail and text messages, readable in the browser.

Both backends refuse to start unless DEV_OUTBOX_ENABLED is on, which the settings allow only with
DEBUG: a production portal whose messages silently pile up in a table would be worse than one that
fails to send.
"""

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend

from asiointi.notify.models import Channel, OutboxMessage


def outbox_required() -> None:
    if not settings.DEV_OUTBOX_ENABLED:
        raise ImproperlyConfigured(
            "The development outbox is off (DEV_OUTBOX_ENABLED). Configure real delivery: "
            "EMAIL_HOST for e-mail, SMS_GATEWAY_URL for text messages."
        )


class OutboxEmailBackend(BaseEmailBackend):
    """EMAIL_BACKEND of the embedded profile: every recipient gets a row in the outbox."""

    def __init__(self, fail_silently: bool = False, **kwargs: Any) -> None:
        outbox_required()
        super().__init__(fail_silently=fail_silently, **kwargs)

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        rows = [
            OutboxMessage(
                channel=Channel.EMAIL,
                recipient=recipient,
                subject=str(message.subject),
                body=str(message.body),
            )
            for message in email_messages
            for recipient in message.recipients()
        ]
        OutboxMessage.objects.bulk_create(rows)
        return len([message for message in email_messages if message.recipients()])


class OutboxSmsGateway:
    """SMS_BACKEND of the embedded profile."""

    def __init__(self) -> None:
        outbox_required()

    def send(self, *, to: str, text: str) -> None:
        OutboxMessage.objects.create(channel=Channel.SMS, recipient=to, body=text)
