"""Sending a customer's notification in the background, retried with growing pauses."""

import logging

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from asiointi.notify.models import Notification
from asiointi.notify.rendering import Message
from asiointi.notify.services import message_deliver

logger = logging.getLogger(__name__)


class NotificationNotSent(Exception):
    """The transport refused or could not be reached; a later attempt may work."""


@shared_task(
    bind=True,
    acks_late=True,
    max_retries=None,  # the record's own attempt count decides (it survives lost workers)
    autoretry_for=(NotificationNotSent,),
    retry_backoff=30,
    retry_backoff_max=3600,
    retry_jitter=False,
)
def notification_deliver(  # type: ignore[no-untyped-def]
    self, notification_id: int, to: str, subject: str, body: str
) -> str:
    """Send one notification, exactly once as far as this side can tell: the row is locked while
    the transport is called and marked sent in the same transaction, so a copy of the task that a
    lost worker left behind finds it sent and does nothing."""
    with transaction.atomic():
        row = Notification.objects.select_for_update().filter(pk=notification_id).first()
        if row is None:
            return "gone"  # the customer was deleted meanwhile
        if row.status != Notification.Status.QUEUED:
            return row.status
        row.attempts += 1
        row.save(update_fields=["attempts"])
    with transaction.atomic():
        row = Notification.objects.select_for_update().get(pk=notification_id)
        if row.status != Notification.Status.QUEUED:
            return row.status
        message = Message(
            channel=row.channel,  # type: ignore[arg-type]
            to=to,
            subject=subject,
            body=body,
            language=row.language,
        )
        try:
            message_deliver(message)
        except Exception as error:
            # In-process (embedded profile, tests) there is no worker to come back later, and
            # the request that committed is waiting: one attempt, then the record says so.
            final = self.request.is_eager or row.attempts >= settings.NOTIFICATION_ATTEMPTS
            _failure_record(row, error, final=final)
        else:
            row.status = Notification.Status.SENT
            row.sent_at = timezone.now()
            row.error = ""
            row.save(update_fields=["status", "sent_at", "error"])
            return row.status
    if final:
        return row.status
    raise NotificationNotSent(row.error)


def _failure_record(row: Notification, error: Exception, *, final: bool) -> None:
    row.error = type(error).__name__[:100]
    fields = ["error"]
    if final:
        row.status = Notification.Status.FAILED
        row.failed_at = timezone.now()
        fields += ["status", "failed_at"]
    row.save(update_fields=fields)
    logger.warning(
        "Notification %s (%s by %s) attempt %s failed: %s",
        row.pk, row.kind, row.channel, row.attempts, row.error,
    )  # fmt: skip
