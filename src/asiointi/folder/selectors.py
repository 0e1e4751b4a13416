"""Every read of a folder. Each object is reached only through the acting context (`Acting.visible`:
the acting customer's, and within a mandate only its services'): anything else finds nothing and
gets 404, whoever asks. Customer-wide things (preferences, the data export) need full rights."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse

from asiointi.attachments.selectors import attachments_held
from asiointi.customers.acting import Acting
from asiointi.customers.models import Customer
from asiointi.folder.kinds import items_addressed, status_label
from asiointi.folder.models import (
    DataExport,
    FolderItem,
    Message,
    NotificationPreference,
    Thread,
)

PAGE_SIZE = 25
NEEDS_ACTION_SHOWN = 10


# Of the service only its name: its descriptions in three languages would triple what each
# listed row costs to fetch.
SERVICE_NAME_FIELDS = [
    "service__id",
    "service__name",
    *(f"service__name_{language}" for language, _name in settings.LANGUAGES),
]


def folder_items(*, customer: Customer) -> QuerySet[FolderItem]:
    """The customer's whole folder, newest first (the data export: full rights only)."""
    own = [field.name for field in FolderItem._meta.concrete_fields]
    return (
        FolderItem.objects.filter(customer=customer)
        .select_related("service")
        .only(*own, *SERVICE_NAME_FIELDS)
    )


def folder_items_for_acting(*, acting: Acting) -> QuerySet[FolderItem]:
    """What the person may open of the acting customer's folder, newest first."""
    return folder_items(customer=acting.customer).filter(acting.visible())


@dataclass(frozen=True)
class FolderFilter:
    kind: str = ""
    status: str = ""
    query: str = ""


@dataclass(frozen=True)
class FolderPage:
    page: Page
    needs_action: list[FolderItem]
    needs_action_counts: dict[str, int]  # kind -> how many
    statuses: list[tuple[str, str]]  # (status, its label in the page's language)


def _search(query: str) -> Q:
    by_service = Q()
    for language, _name in settings.LANGUAGES:
        by_service |= Q(**{f"service__name_{language}__icontains": query})
    return Q(reference__iexact=query) | Q(reference__icontains=query) | by_service


def folder_page(*, acting: Acting, filters: FolderFilter, page_number: str | None) -> FolderPage:
    """The front page of the folder, in the same few queries however many items it holds; all
    of it (lists, counts, statuses) only what the person may open."""
    items = folder_items_for_acting(acting=acting)
    needs_action = items.filter(needs_action=True)
    counts = {
        row["kind"]: row["count"]
        for row in needs_action.order_by().values("kind").annotate(count=Count("pk"))
    }
    statuses = sorted(
        {
            (status, status_label(kind, status))
            for kind, status in items.exclude(status="")
            .order_by()
            .values_list("kind", "status")
            .distinct()
        }
    )
    listed = items
    if filters.kind:
        listed = listed.filter(kind=filters.kind)
    if filters.status:
        listed = listed.filter(status=filters.status)
    if filters.query:
        listed = listed.filter(_search(filters.query))
    page = Paginator(listed, PAGE_SIZE).get_page(page_number)
    first_needing_action = list(needs_action[:NEEDS_ACTION_SHOWN])
    items_addressed([*page.object_list, *first_needing_action])
    return FolderPage(
        page=page,
        needs_action=first_needing_action,
        needs_action_counts=counts,
        statuses=statuses,
    )


def decision_addresses(keys: Sequence[str]) -> dict[str, str]:
    """A decision opens in its thread: the threads of these decision messages, in one query."""
    threads = Message.objects.filter(pk__in=[int(key) for key in keys]).values_list(
        "pk", "thread_id"
    )
    return {str(pk): reverse("folder:thread", args=[thread]) for pk, thread in threads}


def thread_for_acting(*, acting: Acting, pk: int) -> Thread:
    return get_object_or_404(
        Thread.objects.select_related("agency", "service").filter(acting.visible()), pk=pk
    )


def thread_about(*, agency_id: int, kind: str, key: str) -> Thread | None:
    """The agency's thread about one thing (the back office's case), if one was started.

    For staff, whose own selector has checked the thing is their agency's."""
    return (
        Thread.objects.filter(agency_id=agency_id, about_kind=kind, about_key=str(key))
        .order_by("created_at", "pk")
        .first()
    )


def thread_messages(*, thread: Thread) -> list[Message]:
    """The thread's messages, oldest first, each with `files`: what the customer attached."""
    listed = list(thread.messages.select_related("person"))
    for message in listed:
        message.files = (  # type: ignore[attr-defined]
            attachments_held(holder=message_holder(message)) if message.sender == "customer" else []
        )
    return listed


def message_holder(message: Message) -> str:
    return f"folder.message:{message.pk}"


def message_document_for_acting(*, acting: Acting, pk: int) -> Message:
    visible = acting.visible(customer="thread__customer", service="thread__service")
    return get_object_or_404(Message.objects.exclude(document="").filter(visible), pk=pk)


def message_service_id(key: str) -> int | None:
    """The service of a message's thread, for the files it holds (`attachment_holder_register`)."""
    return Message.objects.filter(pk=int(key)).values_list("thread__service_id", flat=True).first()


def notification_preference_for_acting(*, acting: Acting) -> NotificationPreference | None:
    acting.everything_or_404()
    return notification_preference(customer=acting.customer)


def notification_preference(*, customer: Customer) -> NotificationPreference | None:
    return NotificationPreference.objects.filter(customer=customer).first()


def confirmed_contacts(*, customer: Customer) -> dict[str, str]:
    """Where the customer can be told of something new: {"email": …, "sms": …}, confirmed ones
    only (an organisation's own, confirmed at its registration), "" where there is none."""
    holder = customer.organisation or customer.person
    if holder is None:
        return {"email": "", "sms": ""}
    return {
        "email": holder.email if holder.email_verified_at else "",
        "sms": holder.mobile_number if holder.mobile_verified_at else "",
    }


def data_exports_for_acting(*, acting: Acting) -> QuerySet[DataExport]:
    """The customer's copies of everything: within a mandate for some services, a 404."""
    acting.everything_or_404()
    return DataExport.objects.filter(customer=acting.customer)


def data_export_for_acting(*, acting: Acting, pk: int) -> DataExport:
    return get_object_or_404(data_exports_for_acting(acting=acting), pk=pk)
