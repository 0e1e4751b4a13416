from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from asiointi.attachments.responses import attachment_response
from asiointi.attachments.selectors import attachment_get
from asiointi.customers.acting import acting_required
from asiointi.privacy.models import AuditEvent
from asiointi.privacy.services import audit_record


@require_GET
@acting_required
def download(request: HttpRequest, pk: UUID) -> HttpResponse:
    attachment = attachment_get(acting=request.acting, pk=pk)  # type: ignore[attr-defined]
    audit_record(
        action=AuditEvent.Action.PERSONAL_DATA_READ, request=request, target=f"attachment:{pk}"
    )
    # A streamed FileResponse; acting_required is typed for plain responses only.
    return attachment_response(attachment)  # type: ignore[return-value]
