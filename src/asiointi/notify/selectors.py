"""Reads of the development outbox, for its page and for tests that need a confirmation code."""

from contextlib import suppress

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from asiointi.notify.models import OutboxMessage
from asiointi.notify.phone import normalise_mobile_number


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
