from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.files.storage import Storage
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext, ngettext

from asiointi.customers.models import Customer
from asiointi.folder.models import DataExport, FolderItem, NotificationPreference
from asiointi.folder.texts import in_every_language
from asiointi.privacy.models import RetentionKind
from asiointi.privacy.retention import retention_rule

if TYPE_CHECKING:
    from asiointi.catalogue.models import Service
    from asiointi.identity.models import User

Text = Promise | str | dict[str, str]


def _texts(text: Text) -> dict[str, str]:
    return dict(text) if isinstance(text, dict) else in_every_language(text)


# Every field but the identity (kind, key) is the owner's latest word.
_REWRITTEN_ON_CONFLICT = [
    "customer",
    "title",
    "status",
    "reference",
    "service",
    "needs_action",
    "occurred_at",
]


def folder_item_record(
    *,
    customer: Customer,
    kind: str,
    key: str,
    title: Text,
    status: str,
    reference: str = "",
    service: "Service | None" = None,
    needs_action: bool = False,
    occurred_at: datetime | None = None,
    kept_until: date | None = None,
) -> FolderItem:
    """Put a thing into the customer's folder, or bring its entry up to date.

    One INSERT ... ON CONFLICT statement: it runs inside the owner's transaction on every
    enrollment and submission, so no savepoint and no read before the write.
    """
    item = FolderItem(
        customer=customer,
        kind=kind,
        key=str(key),
        title=_texts(title),
        status=status,
        reference=reference,
        service=service,
        needs_action=needs_action,
        occurred_at=occurred_at or timezone.now(),
        kept_until=kept_until,
    )
    FolderItem.objects.bulk_create(
        [item],
        update_conflicts=True,
        unique_fields=["kind", "key"],
        # Without a date the one known stays (the retention job keeps some up to date).
        update_fields=_REWRITTEN_ON_CONFLICT + (["kept_until"] if kept_until else []),
    )
    return item


def folder_items_kept_until_set(*, kind: str, keys: Sequence[str], kept_until: date) -> int:
    return (
        FolderItem.objects.filter(kind=kind, key__in=keys)
        .exclude(kept_until=kept_until)
        .update(kept_until=kept_until)
    )


def folder_item_remove(*, kind: str, key: str) -> None:
    FolderItem.objects.filter(kind=kind, key=str(key)).delete()


@transaction.atomic
def notification_preference_set(
    *, customer: Customer, person: "User", channel: str, language: str
) -> NotificationPreference:
    """Record how the customer wants to be told, and which person acting for it said so."""
    preference, _created = NotificationPreference.objects.update_or_create(
        customer=customer,
        defaults={"channel": channel, "language": language, "changed_by": person},
    )
    return preference


# A request this soon after the last one is the same press again (a double click, a reload).
EXPORT_REPEAT = timedelta(minutes=1)
# A copy still being prepared after this long is taken to have failed and blocks nothing.
EXPORT_STUCK = timedelta(hours=1)
EXPORT_DAY = timedelta(days=1)


class ExportRefused(Exception):
    """No new copy now: `reason` is "preparing" or "daily_limit"; `message` is for the person."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.message = message


def _files_delete(storage: Storage, names: list[str]) -> None:
    for name in names:
        storage.delete(name)


@transaction.atomic
def data_export_request(*, customer: Customer, person: "User", language: str) -> DataExport:
    """Start preparing the customer's data; it is built in the background after the commit.

    Copies older than their retention rule are deleted first: a copy of everything is not left
    lying about.
    One copy at a time, and at most DATA_EXPORTS_PER_DAY in 24 hours (failed ones not counted),
    else ExportRefused: gathering everything a customer has is the heaviest read there is.
    """
    from asiointi.folder.tasks import data_export_build

    # The customer's row is locked first, so requests of one customer (a button pressed fifteen
    # times) queue here and each sees the copies made before it; other customers never wait.
    Customer.objects.select_for_update().filter(pk=customer.pk).values_list("pk").get()
    _export_allowed(customer)
    for old in DataExport.objects.filter(
        customer=customer,
        created_at__lt=retention_rule(RetentionKind.DATA_EXPORTS, None).cutoff(timezone.now()),
    ):
        names = [f.name for f in (old.json_file, old.html_file) if f]
        old.delete()
        transaction.on_commit(partial(_files_delete, old.json_file.storage, names))
    export = DataExport.objects.create(customer=customer, requested_by=person, language=language)
    transaction.on_commit(lambda: data_export_build.delay(export.pk))
    return export


def _export_allowed(customer: Customer) -> None:
    now = timezone.now()
    today = DataExport.objects.filter(customer=customer, created_at__gte=now - EXPORT_DAY).exclude(
        status=DataExport.Status.FAILED
    )
    latest = today.first()
    if latest is not None and (
        latest.created_at >= now - EXPORT_REPEAT
        or (latest.status == DataExport.Status.PENDING and latest.created_at >= now - EXPORT_STUCK)
    ):
        raise ExportRefused(
            "preparing",
            gettext(
                "Your data is already being prepared, or was prepared a moment ago. "
                "The files are listed on this page when they are ready."
            ),
        )
    limit = settings.DATA_EXPORTS_PER_DAY
    if today.count() >= limit:
        raise ExportRefused(
            "daily_limit",
            ngettext(
                "Your data can be prepared %(count)s time in 24 hours. Use the files prepared "
                "earlier, or try again tomorrow.",
                "Your data can be prepared %(count)s times in 24 hours. Use the files prepared "
                "earlier, or try again tomorrow.",
                limit,
            )
            % {"count": limit},
        )
