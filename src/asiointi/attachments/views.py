from uuid import UUID

from django.http.response import HttpResponseBase
from django.views.decorators.http import require_GET

from asiointi.attachments.responses import attachment_response
from asiointi.attachments.selectors import attachment_get
from asiointi.customers.acting import ActingRequest, acting_required


@require_GET
@acting_required
def download(request: ActingRequest, pk: UUID) -> HttpResponseBase:
    attachment = attachment_get(acting=request.acting, pk=pk)
    return attachment_response(request, attachment, audited=request.acting.is_organisation)
