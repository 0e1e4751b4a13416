"""GET and DELETE /gdpr-api/v1/profiles/<id>: Helsinki's profile GDPR API contract.

`<id>` is the person's `sub` at the identity provider. GET answers the key / children / value
tree of what the portal holds, or 204 when it holds nothing; DELETE erases it (204), refuses with
coded reasons in fi, sv and en (409) when erasure must wait, and with `dry_run` changes nothing.
"""

import json
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from asiointi.customers.gdpr.services import person_by_subject, person_data_tree, person_erase
from asiointi.customers.gdpr.tokens import TokenRefused, token_claims
from asiointi.privacy.models import AuditEvent
from asiointi.privacy.services import audit_record

TRUE = {"true", "1", "yes"}


def _dry_run(request: HttpRequest) -> bool:
    if request.GET.get("dry_run", "").lower() in TRUE:
        return True
    try:
        body = json.loads(request.body or b"{}")
    except ValueError:
        return False
    return isinstance(body, dict) and str(body.get("dry_run", "")).lower() in TRUE


def _audit(
    request: HttpRequest, action: AuditEvent.Action, claims: dict[str, Any], **details: Any
) -> None:
    client = str(claims.get("azp") or claims.get("client_id") or "")[:100]
    audit_record(
        action=action,
        request=request,
        user=details.pop("person", None),
        target="gdpr-api",
        details={"client": client, **details},
    )


@csrf_exempt
@never_cache
@require_http_methods(["GET", "DELETE"])
def profile(request: HttpRequest, subject: str) -> HttpResponse:
    if not settings.GDPR_API_ISSUER:
        raise Http404
    reading = request.method == "GET"
    scope = settings.GDPR_API_QUERY_SCOPE if reading else settings.GDPR_API_DELETE_SCOPE
    try:
        claims = token_claims(request.headers.get("Authorization", ""), scope=scope)
    except TokenRefused as refused:
        _audit(
            request,
            AuditEvent.Action.GDPR_REFUSED,
            {},
            method=request.method,
            reason=refused.reason,
        )
        return JsonResponse({"detail": refused.reason}, status=refused.status)
    person = person_by_subject(subject)
    if reading:
        tree = person_data_tree(person) if person else None
        _audit(request, AuditEvent.Action.GDPR_QUERY, claims, person=person, found=bool(tree))
        return JsonResponse(tree) if tree else HttpResponse(status=204)
    dry_run = _dry_run(request)
    if person is None:
        _audit(request, AuditEvent.Action.GDPR_ERASE, claims, found=False, dry_run=dry_run)
        return HttpResponse(status=204)
    erasure = person_erase(person=person, dry_run=dry_run)
    if erasure.blockers:
        codes = [blocker.code for blocker in erasure.blockers]
        _audit(request, AuditEvent.Action.GDPR_REFUSED, claims, person=person, reasons=codes)
        errors = [blocker.as_error() for blocker in erasure.blockers]
        return JsonResponse({"errors": errors}, status=409)
    _audit(
        request,
        AuditEvent.Action.GDPR_ERASE,
        claims,
        person=person,
        found=True,
        dry_run=dry_run,
        counts=erasure.counts,
    )
    return HttpResponse(status=204)
