"""The folder's sections of the personal data registry (privacy.personal_data)."""

from functools import partial
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from asiointi.attachments.services import attachments_delete_held
from asiointi.customers.models import Customer
from asiointi.folder.models import DataExport, FolderItem, Message, NotificationPreference, Thread
from asiointi.folder.selectors import (
    folder_items,
    message_holder,
    notification_preference,
    thread_messages,
)
from asiointi.folder.services import _files_delete
from asiointi.notify.models import Notification
from asiointi.notify.selectors import notifications_data
from asiointi.privacy.personal_data import Section, personal_data_register


def _folder(customer: Customer) -> list[dict[str, Any]]:
    return [
        {
            "kind": item.kind,
            "title": item.title,
            "status": item.status,
            "reference": item.reference,
            "service": item.service.name if item.service else "",
            "needs_action": item.needs_action,
            "date": item.occurred_at,
            "kept_until": item.kept_until,
        }
        for item in folder_items(customer=customer)
    ]


def _messages(customer: Customer) -> list[dict[str, Any]]:
    threads = Thread.objects.filter(customer=customer).select_related("agency")
    return [
        {
            "subject": thread.subject,
            "agency": thread.agency.name,
            "reference": thread.reference,
            "messages": [
                {
                    "from": message.sender,
                    "sent_at": message.created_at,
                    "read_at": message.read_at,
                    "text": message.body,
                    "decision": message.is_decision,
                    "date_of_service": message.served_on,
                    "document": message.document_name,
                    "attachments": [a.original_name for a in message.files],  # type: ignore[attr-defined]
                }
                for message in thread_messages(thread=thread)
            ],
        }
        for thread in threads
    ]


def _preferences(customer: Customer) -> dict[str, Any]:
    preference = notification_preference(customer=customer)
    if preference is None:
        return {}
    return {"notify_by": preference.channel, "language": preference.language}


@transaction.atomic
def data_exports_delete(exports: Any) -> int:
    """Delete these copies of "download my data", their files once the deletion commits."""
    count = 0
    for export in exports:
        names = [f.name for f in (export.json_file, export.html_file) if f]
        storage = export.json_file.storage
        export.delete()
        transaction.on_commit(partial(_files_delete, storage, names))
        count += 1
    return count


def _folder_erase(customer: Customer) -> int:
    deleted, _by_model = FolderItem.objects.filter(customer=customer).delete()
    return deleted + data_exports_delete(DataExport.objects.filter(customer=customer))


@transaction.atomic
def threads_delete(threads: Any) -> int:
    """Delete these threads with their messages, decisions' documents and attached files."""
    count = 0
    for thread in threads:
        for message in Message.objects.filter(thread=thread):
            attachments_delete_held(holder=message_holder(message))
            if message.document:
                storage, name = message.document.storage, message.document.name
                transaction.on_commit(partial(_files_delete, storage, [name]))
            FolderItem.objects.filter(kind="decision", key=str(message.pk)).delete()
        FolderItem.objects.filter(kind="message", key=str(thread.pk)).delete()
        thread.delete()
        count += 1
    return count


def _messages_erase(customer: Customer) -> int:
    return threads_delete(Thread.objects.filter(customer=customer))


def _preferences_erase(customer: Customer) -> int:
    deleted, _by_model = NotificationPreference.objects.filter(customer=customer).delete()
    return deleted


def _notifications(customer: Customer) -> list[dict[str, Any]]:
    return notifications_data(customer=customer)


def _notifications_erase(customer: Customer) -> int:
    deleted, _by_model = Notification.objects.filter(customer=customer).delete()
    return deleted


def register() -> None:
    personal_data_register(
        Section(
            "notification_preferences",
            _("Notification preferences"),
            _preferences,
            erase=_preferences_erase,
            order=30,
        )
    )
    personal_data_register(Section("folder", _("Folder"), _folder, erase=_folder_erase, order=40))
    personal_data_register(
        Section("messages", _("Messages and decisions"), _messages, erase=_messages_erase, order=60)
    )
    # The notify app stands beside privacy, not above it, so the folder registers its rows.
    personal_data_register(
        Section(
            "notifications",
            _("Notifications sent"),
            _notifications,
            erase=_notifications_erase,
            order=85,
        )
    )
