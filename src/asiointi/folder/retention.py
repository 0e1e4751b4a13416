"""Messages, decisions, "Download my data" copies and the records of notifications sent in the
retention job (privacy.retention).

A thread is kept from its last message; then deleted with its decisions' documents and files,
or anonymised (the texts, documents and files go; that the agency wrote, when, and about which
reference stays). A copy of "Download my data" is deleted after its rule's days, and so is the
record of a notification (kind, channel, masked address, outcome). The notify app stands beside
privacy, not above it, so the folder registers its kind.
"""

from datetime import datetime
from functools import partial

from django.db import transaction
from django.db.models import Max
from django.db.models.functions import Coalesce

from asiointi.attachments.services import attachments_delete_held
from asiointi.folder.models import DataExport, FolderItem, Message, Thread
from asiointi.folder.personal_data import data_exports_delete, threads_delete
from asiointi.folder.selectors import message_holder
from asiointi.folder.services import _files_delete
from asiointi.notify.services import notifications_delete
from asiointi.privacy.models import RetentionAction, RetentionKind
from asiointi.privacy.retention import Counts, Kind, KindRules, retention_kind_register

ANONYMISED = "–"


@transaction.atomic
def threads_anonymise(threads: object) -> int:
    count = 0
    for thread in threads:  # type: ignore[attr-defined]
        for message in Message.objects.filter(thread=thread):
            attachments_delete_held(holder=message_holder(message))
            if message.document:
                storage, name = message.document.storage, message.document.name
                transaction.on_commit(partial(_files_delete, storage, [name]))
        Message.objects.filter(thread=thread).update(body=ANONYMISED, document="", document_name="")
        FolderItem.objects.filter(kind="message", key=str(thread.pk)).delete()
        decisions = Message.objects.filter(thread=thread, is_decision=True)
        FolderItem.objects.filter(
            kind="decision", key__in=[str(pk) for pk in decisions.values_list("pk", flat=True)]
        ).delete()
        Thread.objects.filter(pk=thread.pk).update(subject=ANONYMISED)
        count += 1
    return count


def _messages(rules: KindRules, now: datetime) -> Counts:
    counts = {"deleted": 0, "anonymised": 0}
    threads = Thread.objects.annotate(last_at=Coalesce(Max("messages__created_at"), "created_at"))
    for rows, rule in rules.groups("service"):
        due = threads.filter(rows, last_at__lt=rule.cutoff(now))
        if rule.action == RetentionAction.ANONYMISE:
            counts["anonymised"] += threads_anonymise(due.exclude(subject=ANONYMISED))
        else:
            counts["deleted"] += threads_delete(due)
    return counts


def _data_exports(rules: KindRules, now: datetime) -> Counts:
    old = DataExport.objects.filter(created_at__lt=rules.default.cutoff(now))
    return {"deleted": data_exports_delete(old)}


def _notifications(rules: KindRules, now: datetime) -> Counts:
    return {"deleted": notifications_delete(created_before=rules.default.cutoff(now))}


def register() -> None:
    retention_kind_register(Kind(RetentionKind.MESSAGES, _messages))
    retention_kind_register(
        Kind(
            RetentionKind.DATA_EXPORTS,
            _data_exports,
            actions=(RetentionAction.DELETE,),
            per_service=False,
        )
    )
    retention_kind_register(
        Kind(
            RetentionKind.NOTIFICATIONS,
            _notifications,
            actions=(RetentionAction.DELETE,),
            per_service=False,
        )
    )
