"""Accepting, holding and deleting attachments. Reads go through selectors.py."""

import hashlib
import logging
from collections.abc import Iterable, Iterator
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from asiointi.attachments.archives import (
    ArchiveLimits,
    SuspiciousArchive,
    archive_check,
    is_zip_container,
)
from asiointi.attachments.limits import AttachmentLimits
from asiointi.attachments.models import Attachment
from asiointi.attachments.names import name_sanitised
from asiointi.attachments.refusals import AttachmentRefused, refusal
from asiointi.attachments.scanner import ScannerUnavailable, scan_chunks
from asiointi.attachments.selectors import SESSION_ANONYMOUS_UPLOADS
from asiointi.attachments.sniffing import HEAD_BYTES, media_type_of
from asiointi.customers.models import Customer
from asiointi.identity.models import User

__all__ = [
    "AttachmentLimits",
    "AttachmentRefused",
    "attachment_accept",
    "attachment_delete",
    "attachments_hold",
    "attachments_prune_unheld",
    "attachments_release",
]

logger = logging.getLogger(__name__)

# Bytes that make a file "empty" however large it is: blanks and NULs only.
BLANK = b" \t\r\n\x00"


def _is_blank(upload: UploadedFile) -> bool:
    if upload.size and upload.size > HEAD_BYTES:
        return False
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    return not content.strip(BLANK)


def _sha256(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    return digest.hexdigest()


def _scanned(upload: UploadedFile, *, name: str, limits: AttachmentLimits) -> bool:
    """True when clamd passed the file; False when it was not scanned and that is allowed."""
    digest = hashlib.sha256()

    def chunks() -> Iterator[bytes]:
        upload.seek(0)
        for chunk in upload.chunks():
            digest.update(chunk)
            yield chunk

    try:
        verdict = scan_chunks(chunks())
    except ScannerUnavailable as error:
        if settings.CLAMAV_REQUIRED:
            logger.error("attachment refused, virus scanner unavailable: %s", error)
            raise refusal("scan_unavailable", name=name, limits=limits) from error
        logger.warning("attachment accepted UNSCANNED (CLAMAV_REQUIRED is off): %s", error)
        return False
    if verdict.infected:
        # The name stays out of the log: residents' file names can carry personal data.
        logger.warning(
            "attachment refused, malware %s found, sha256 %s", verdict.signature, digest.hexdigest()
        )
        raise refusal("infected", name=name, limits=limits)
    return True


def _archive_checked(
    upload: UploadedFile, *, name: str, limits: AttachmentLimits, size: int
) -> None:
    """Zip containers (Office, OpenDocument, zip) that would unpack to too much are refused
    before clamd or anyone's office program unpacks them."""
    upload.seek(0)
    head = upload.read(4)
    upload.seek(0)
    if not is_zip_container(head):
        return
    archive_limits = ArchiveLimits.from_settings()
    try:
        archive_check(upload, size=size, limits=archive_limits)  # type: ignore[arg-type]
    except SuspiciousArchive as why:
        logger.warning(
            "attachment refused as a suspicious archive (%s), sha256 %s", why, _sha256(upload)
        )
        raise refusal(
            "suspicious", name=name, limits=limits, size=archive_limits.max_unpacked_bytes
        ) from None


def attachment_accept(
    *,
    upload: UploadedFile,
    limits: AttachmentLimits,
    customer: Customer | None,
    person: User | None,
    already: int = 0,
) -> Attachment:
    """Check, scan and store one uploaded file, or raise AttachmentRefused saying why not.

    In order: count, empty, size, type, zip containers' declared unpacked size, virus scan.

    `already` is how many files the question or reply holds before this one. An anonymous
    sender's file has no customer or person (`anonymous_upload_remember` ties it to their
    session). The scan runs before
    the transaction opens: a write transaction held over a scan would block other writers.
    """
    shown_name = name_sanitised(upload.name or "", "")
    if already >= limits.max_count:
        raise refusal("too_many", name=shown_name, limits=limits)
    size = upload.size or 0
    if size == 0 or _is_blank(upload):
        raise refusal("empty", name=shown_name, limits=limits)
    if size > limits.max_bytes:
        raise refusal("too_large", name=shown_name, limits=limits, size=size)
    media_type = media_type_of(upload)
    if media_type not in limits.media_types:
        raise refusal("wrong_type", name=shown_name, limits=limits, media_type=media_type)
    _archive_checked(upload, name=shown_name, limits=limits, size=size)
    scanned = _scanned(upload, name=shown_name, limits=limits)
    attachment = Attachment(
        customer=customer,
        person=person,
        original_name=name_sanitised(upload.name or "", media_type),
        media_type=media_type,
        size=size,
        sha256=_sha256(upload),
        scanned_at=timezone.now() if scanned else None,
    )
    upload.seek(0)
    attachment.file.save(attachment.original_name, upload, save=False)
    try:
        with transaction.atomic():
            attachment.save()
    except BaseException:
        attachment.file.delete(save=False)
        raise
    return attachment


ANONYMOUS_UPLOADS_REMEMBERED = 20


def anonymous_upload_remember(*, session: Any, attachment: Attachment) -> None:
    uploads = [*session.get(SESSION_ANONYMOUS_UPLOADS, []), str(attachment.pk)]
    session[SESSION_ANONYMOUS_UPLOADS] = uploads[-ANONYMOUS_UPLOADS_REMEMBERED:]


@transaction.atomic
def attachments_hold(*, attachments: Iterable[Attachment], holder: str) -> None:
    """The holder (`"draft:7"`, `"submission:42"`) now holds exactly these files, so retention
    keeps them; files it held before and no longer does become unheld."""
    pks = [attachment.pk for attachment in attachments]
    Attachment.objects.filter(holder=holder).exclude(pk__in=pks).update(holder="")
    Attachment.objects.filter(pk__in=pks).update(holder=holder)


@transaction.atomic
def attachments_release(*, holder: str) -> int:
    """The holder is gone: its files become unheld and are deleted by the next prune."""
    return Attachment.objects.filter(holder=holder).update(holder="")


@transaction.atomic
def attachment_delete(*, attachment: Attachment) -> None:
    name = attachment.file.name
    storage = attachment.file.storage
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def attachments_delete_held(*, holder: str) -> int:
    """Delete the files the holder holds (its retention ended, or the customer was erased)."""
    count = 0
    for attachment in Attachment.objects.filter(holder=holder):
        attachment_delete(attachment=attachment)
        count += 1
    return count


@transaction.atomic
def attachments_delete_of_customer(*, customer: Customer) -> int:
    count = 0
    for attachment in Attachment.objects.filter(customer=customer):
        attachment_delete(attachment=attachment)
        count += 1
    return count


def attachments_prune_unheld(*, older_than: timedelta | None = None) -> int:
    """Delete attachments nothing holds that are older than ATTACHMENT_UNHELD_HOURS."""
    if older_than is None:
        older_than = timedelta(hours=settings.ATTACHMENT_UNHELD_HOURS)
    cutoff = timezone.now() - older_than
    deleted = 0
    for attachment in Attachment.objects.filter(holder="", created_at__lt=cutoff).iterator():
        attachment_delete(attachment=attachment)
        deleted += 1
    if deleted:
        logger.info("deleted %s attachments nothing held for %s", deleted, older_than)
    return deleted
