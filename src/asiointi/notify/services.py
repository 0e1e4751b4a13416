"""Sending e-mail and text messages to residents."""

import logging
from collections.abc import Callable
from typing import Any

from django.core.mail import EmailMessage, get_connection
from django.core.validators import validate_email
from django.db import transaction

from asiointi.notify.phone import normalise_mobile_number
from asiointi.notify.rendering import ChannelName, Message, message_render
from asiointi.notify.sms import sms_gateway

logger = logging.getLogger(__name__)


def notification_send(
    *, channel: ChannelName, to: str, template: str, context: dict[str, Any], language: str
) -> Message:
    """Render the message now and send it once the surrounding transaction commits.

    A rolled-back action sends nothing. A bad address or a missing channel raises here, inside the
    caller's transaction; a refusal by the SMTP server or SMS gateway after the commit is logged,
    since the action itself has already happened.
    """
    if channel == "sms":
        to = normalise_mobile_number(to)
    else:
        validate_email(to)
    message = message_render(
        channel=channel, to=to, template=template, context=context, language=language
    )
    deliver = _email_delivery(message) if channel == "email" else _sms_delivery(message)
    transaction.on_commit(lambda: _deliver_logged(deliver, message, template))
    return message


def _email_delivery(message: Message) -> Callable[[], object]:
    email = EmailMessage(
        subject=message.subject,
        body=message.body,
        to=[message.to],
        connection=get_connection(),
        # RFC 3834: holiday replies are not sent back to an automatic message.
        headers={"Auto-Submitted": "auto-generated", "Content-Language": message.language},
    )
    return email.send


def _sms_delivery(message: Message) -> Callable[[], object]:
    gateway = sms_gateway()
    return lambda: gateway.send(to=message.to, text=message.body)


def _deliver_logged(deliver: Callable[[], object], message: Message, template: str) -> None:
    # In the embedded profile this runs in the request that committed; its response must not turn
    # into an error page for an action that succeeded.
    try:
        deliver()
    except Exception:
        logger.exception("Sending the %s notification %r failed", message.channel, template)
