"""Reads of attachments, each limited to what the acting person may see: others get 404.

A file belongs to a customer and is held by a draft, a submission or a message (`holder`). Within
a mandate for some services the person sees a file only when what holds it is of one of those
services; the owning apps say which service a holder is of (`attachment_holder_register`). A
file nothing holds yet (just uploaded, the form not saved) is seen by the person who uploaded it.
"""

from collections.abc import Callable, Iterable
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404

from asiointi.attachments.models import Attachment
from asiointi.customers.acting import Acting

# Holder kind ("draft" of "draft:<id>") -> the service id of the holder with that key, or None.
HolderService = Callable[[str], int | None]
_holder_services: dict[str, HolderService] = {}


def attachment_holder_register(kind: str, service_of: HolderService) -> None:
    """An owning app (in its AppConfig.ready) says how to find the service of its holders."""
    _holder_services[kind] = service_of


def _holder_service(holder: str) -> int | None:
    kind, _colon, key = holder.partition(":")
    service_of = _holder_services.get(kind)
    if service_of is None:
        return None
    try:
        return service_of(key)
    except (ValueError, ValidationError):
        return None


def attachment_visible(*, acting: Acting, attachment: Attachment) -> bool:
    """May the person see this file? The one rule for every read of an attachment."""
    if attachment.customer_id != acting.customer.pk:
        return False
    if acting.sees_everything:
        return True
    if not attachment.holder:
        return attachment.person_id == acting.person.pk
    return acting.may_see(_holder_service(attachment.holder))


def attachment_get(*, acting: Acting, pk: UUID | str) -> Attachment:
    try:
        attachment = Attachment.objects.get(pk=pk, customer=acting.customer)
    except (Attachment.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404 from None
    if not attachment_visible(acting=acting, attachment=attachment):
        raise Http404
    return attachment


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
    found = Attachment.objects.filter(held, pk__in=wanted, customer=acting.customer)
    return [a for a in found if attachment_visible(acting=acting, attachment=a)]


# The ids of the files an anonymous sender's session uploaded: only that session may keep them.
SESSION_ANONYMOUS_UPLOADS = "attachments:anonymous-uploads"


def attachments_of_session(*, session: Any, pks: Iterable[UUID | str]) -> list[Attachment]:
    """An anonymous sender's files among `pks`: uploaded in this browser session, nothing
    holding them yet (once sent, they are the receiver's to see, not the sender's)."""
    mine = set(session.get(SESSION_ANONYMOUS_UPLOADS, []))
    wanted = [str(pk) for pk in pks if str(pk) in mine]
    if not wanted:
        return []
    found = {
        str(a.pk): a
        for a in Attachment.objects.filter(pk__in=wanted, customer__isnull=True, holder="")
    }
    return [found[pk] for pk in wanted if pk in found]


def attachments_held(*, holder: str) -> list[Attachment]:
    """What a draft, submission or message holds; the holder's own selector checks access."""
    return list(Attachment.objects.filter(holder=holder))


def attachment_held_by(*, pk: UUID | str, holders: Iterable[str]) -> Attachment:
    """One file held by one of `holders`, else 404: for staff, whose own selector has checked
    that the holders (a case and its messages) are of their agency."""
    try:
        return Attachment.objects.get(pk=pk, holder__in=list(holders))
    except (Attachment.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404 from None


def attachments_of_customer(*, acting: Acting) -> list[Attachment]:
    """Every file the person may see of the acting customer's, newest first."""
    found = Attachment.objects.filter(customer=acting.customer).order_by("-created_at")
    return [a for a in found if attachment_visible(acting=acting, attachment=a)]
