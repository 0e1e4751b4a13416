"""The one way a private file leaves the portal: attachments, decision documents, data exports
and PDFs made for one customer all go out through `private_file_response`."""

import io
from typing import Any

from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.http import content_disposition_header

from asiointi.attachments.models import Attachment
from asiointi.attachments.sniffing import Readable, media_type_of
from asiointi.privacy.models import AuditEvent
from asiointi.privacy.services import audit_record

# Only a PDF may open in the browser's own viewer; anything else a browser could render in the
# portal's origin (HTML, SVG, ...) is always saved as a download.
INLINE_TYPES = frozenset({"application/pdf"})
# Text the portal wrote itself (the data export) is UTF-8; the type alone would leave a browser
# guessing.
UTF8_TYPES = frozenset({"application/json", "text/html", "text/plain", "text/csv"})


def private_file_response(
    *,
    request: HttpRequest,
    content: bytes | Readable,
    filename: str,
    audit_target: str,
    audit_details: dict[str, Any] | None = None,
    media_type: str | None = None,
    inline: bool = False,
    audited: bool = True,
) -> HttpResponseBase:
    """The file for a reader the view has already checked may see it.

    The read is audit-logged unless `audited` is False (a person reading their own file, which
    the audit log is not for: docs/architecture.md, "Audit log"). The type is the sniffed one
    (`media_type` when the file was sniffed on arrival, else sniffed here from the content); the
    browser keeps no copy; `inline` opens a PDF in the browser's viewer, and every other type is
    a download the browser may not sniff into something it would render. `content` is bytes (a
    PDF just made) or an open file, which is streamed and closed when sent."""
    stream = io.BytesIO(content) if isinstance(content, bytes) else content
    sniffed = media_type or media_type_of(stream)
    shown_inline = inline and sniffed in INLINE_TYPES
    content_type = f"{sniffed}; charset=utf-8" if sniffed in UTF8_TYPES else sniffed
    response: HttpResponseBase
    if isinstance(content, bytes):
        response = HttpResponse(content, content_type=content_type)
    else:
        response = FileResponse(stream, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(not shown_inline, filename) or ""
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    if not shown_inline:
        # Opened anyway (a browser that ignores the disposition): no script, no origin.
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    if audited:
        audit_record(
            action=AuditEvent.Action.PERSONAL_DATA_READ,
            request=request,
            target=audit_target,
            details=audit_details,
        )
    return response


def attachment_response(
    request: HttpRequest,
    attachment: Attachment,
    *,
    details: dict[str, Any] | None = None,
    audited: bool = True,
) -> HttpResponseBase:
    """A resident's file, always as a download (what they sent is never opened in the portal)."""
    return private_file_response(
        request=request,
        content=attachment.file.open("rb"),
        filename=attachment.original_name,
        media_type=attachment.media_type,
        audit_target=f"attachment:{attachment.pk}",
        audit_details=details,
        audited=audited,
    )
