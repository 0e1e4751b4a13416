"""Reads of the development outbox, for its page and for tests that need a confirmation code."""

from contextlib import suppress
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from asiointi.notify.models import Notification, OutboxMessage
from asiointi.notify.phone import normalise_mobile_number
from asiointi.notify.rendering import TEMPLATE_LABEL


def outbox_latest(*, recipient: str) -> OutboxMessage | None:
    """The newest message to an address or a phone number in any common form (040 123 4567)."""
    if "@" not in recipient:
        with suppress(ValidationError):
            recipient = normalise_mobile_number(recipient)
    return OutboxMessage.objects.filter(recipient__iexact=recipient).first()


def outbox_messages() -> QuerySet[OutboxMessage]:
    _outbox_or_404()
    return OutboxMessage.objects.all()


def outbox_message(pk: int) -> OutboxMessage:
    _outbox_or_404()
    return get_object_or_404(OutboxMessage, pk=pk)


def _outbox_or_404() -> None:
    # The URLs are not even mounted without the outbox; this covers a URLconf loaded earlier.
    if not settings.DEV_OUTBOX_ENABLED:
        raise Http404


def notifications_about(*, customer: Any, about_kind: str, about_key: object) -> list[Notification]:
    """What the customer was sent about one folder item, oldest first, each with its `label`.
    The caller has already checked the item may be seen: the acting customer's, or a case of the
    clerk's own agency."""
    rows = list(
        Notification.objects.filter(
            customer=customer, about_kind=about_kind, about_key=str(about_key)
        )
    )
    for row in rows:
        row.label = TEMPLATE_LABEL.get(row.kind, _("Notification"))  # type: ignore[attr-defined]
    return rows


def notifications_data(*, customer: Any) -> list[dict[str, Any]]:
    """What the customer was sent (kind, channel, masked address, outcome) for their data copy."""
    return [
        {
            "notification": str(TEMPLATE_LABEL.get(row.kind, row.kind)),
            "about": f"{row.about_kind} {row.about_key}".strip(),
            "channel": row.channel,
            "recipient": row.recipient_masked,
            "status": row.status,
            "attempts": row.attempts,
            "created_at": row.created_at,
            "sent_at": row.sent_at,
            "failed_at": row.failed_at,
        }
        for row in Notification.objects.filter(customer=customer).order_by("created_at", "pk")
    ]
