"""Reads of attachments, each limited to what the acting customer owns: others get 404."""

from collections.abc import Iterable
from uuid import UUID

from django.db.models import Q
from django.http import Http404

from asiointi.attachments.models import Attachment
from asiointi.customers.acting import Acting


def attachment_get(*, acting: Acting, pk: UUID | str) -> Attachment:
    try:
        return Attachment.objects.get(pk=pk, customer=acting.customer)
    except (Attachment.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def attachments_of(
    *, acting: Acting, pks: Iterable[UUID | str], holder: str = ""
) -> list[Attachment]:
    """The customer's own attachments among `pks` that nothing holds yet or `holder` holds, in
    upload order; other ids are ignored. A file something else holds (a sent submission, a
    message) is never taken over: holding is exclusive, and the other holder would lose it."""
    wanted = []
    for pk in pks:
        try:
            wanted.append(UUID(str(pk)))
        except ValueError:
            continue
    if not wanted:
        return []
    held = Q(holder="") | Q(holder=holder) if holder else Q(holder="")
    return list(Attachment.objects.filter(held, pk__in=wanted, customer=acting.customer))


def attachments_held(*, holder: str) -> list[Attachment]:
    """What a draft, submission or message holds; the holder's own selector checks access."""
    return list(Attachment.objects.filter(holder=holder))


def attachments_of_customer(*, acting: Acting) -> list[Attachment]:
    """Every file the acting customer has, newest first (their data export, for one)."""
    return list(Attachment.objects.filter(customer=acting.customer).order_by("-created_at"))
