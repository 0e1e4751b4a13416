"""Sending e-mail and text messages to residents."""

import logging
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone, translation

from asiointi.notify.models import Notification
from asiointi.notify.phone import normalise_mobile_number
from asiointi.notify.recipients import recipient_mask, recipients_of
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


def customer_notify(
    *,
    customer: Any,
    template: str,
    context: Callable[[], dict[str, Any]],
    about: tuple[str, object] = ("", ""),
    language: str | None = None,
) -> list[Notification]:
    """Tell a customer (customers.Customer) of something: the one way every app does it.

    The recipients are the customer's own choice (`recipients_of`: their channels, their
    confirmed addresses; an organisation's own contacts, never those of whoever acted). One
    `Notification` per address is recorded now, in the caller's transaction, and sent by a task
    queued once it commits, retried with growing pauses. Nothing here waits for a transport, so a
    broken one can never undo or stop the action. `context` is called in the customer's language;
    `about` is (kind, key) of the folder item it concerns; `language` is that of the action,
    used when the customer has not chosen one.
    """
    recipients = recipients_of(customer)
    language = recipients.language or language or settings.LANGUAGE_CODE
    if not recipients.addresses:
        logger.info("Customer %s has no confirmed contact details to notify", customer.pk)
        return []
    with translation.override(language):
        values = context()
    about_kind, about_key = about
    made = []
    for channel, to in recipients.addresses:
        message = message_render(
            channel=channel, to=to, template=template, context=values, language=language
        )
        notification = Notification.objects.create(
            customer=customer,
            kind=template,
            about_kind=about_kind,
            about_key=str(about_key),
            channel=channel,
            recipient_masked=recipient_mask(channel, to),
            language=language,
        )
        transaction.on_commit(partial(_queue, notification.pk, message))
        made.append(notification)
    return made


def notifications_delete(*, created_before: datetime) -> int:
    """Delete the records of notifications made before this time (the retention job's)."""
    deleted, _by_model = Notification.objects.filter(created_at__lt=created_before).delete()
    return deleted


def _queue(notification_id: int, message: Message) -> None:
    from asiointi.notify.tasks import notification_deliver

    try:
        notification_deliver.apply_async(
            args=(notification_id, message.to, message.subject, message.body),
            # Worker logs show the record, never the address or the text.
            argsrepr=f"({notification_id}, ...)",
        )
    except Exception:
        # The broker is down: the action stands, and the record says the message did not go.
        logger.exception("Queueing notification %s failed", notification_id)
        Notification.objects.filter(pk=notification_id, status=Notification.Status.QUEUED).update(
            status=Notification.Status.FAILED, error="queue unavailable", failed_at=timezone.now()
        )


def message_deliver(message: Message) -> None:
    """Hand a rendered message to its transport now; raises whatever the transport raises."""
    deliver = _email_delivery(message) if message.channel == "email" else _sms_delivery(message)
    deliver()


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
