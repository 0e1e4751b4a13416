from django.http import FileResponse

from asiointi.attachments.models import Attachment


def attachment_response(attachment: Attachment) -> FileResponse:
    """The file as a download that no browser renders in the portal's origin or keeps a copy of.

    For any view that has already checked the reader may see the file (the resident's download,
    the back office)."""
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.media_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
