from uuid import UUID

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_GET

from asiointi.attachments.responses import attachment_response
from asiointi.attachments.selectors import attachment_get
from asiointi.customers.acting import acting_required


@require_GET
@acting_required
def download(request: HttpRequest, pk: UUID) -> HttpResponseBase:
    attachment = attachment_get(acting=request.acting, pk=pk)  # type: ignore[attr-defined]
    return attachment_response(request, attachment)
