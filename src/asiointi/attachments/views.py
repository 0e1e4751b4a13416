from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from asiointi.attachments.responses import attachment_response
from asiointi.attachments.selectors import attachment_get
from asiointi.customers.acting import acting_read_audit, acting_required


@require_GET
@acting_required
def download(request: HttpRequest, pk: UUID) -> HttpResponse:
    acting = request.acting  # type: ignore[attr-defined]
    attachment = attachment_get(acting=acting, pk=pk)
    acting_read_audit(request, acting, target=f"attachment:{pk}")
    # A streamed FileResponse; acting_required is typed for plain responses only.
    return attachment_response(attachment)  # type: ignore[return-value]
