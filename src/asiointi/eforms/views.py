from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from asiointi.catalogue.models import Service
from asiointi.customers.acting import acting_check, acting_required
from asiointi.customers.grants import access_granted
from asiointi.eforms import selectors
from asiointi.organisations.selectors import audience_check
from asiointi.submissions import selectors as submission_selectors
from asiointi.submissions import services as submission_services


@acting_required
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest, slug: str) -> HttpResponse:
    """The form's front page: what it needs and how long drafts are kept, or why it cannot be
    used yet (another kind of customer, or the agency must be contacted first)."""
    acting = request.acting  # type: ignore[attr-defined]
    service: Service = get_object_or_404(
        Service.objects.select_related("agency"), slug=slug, published=True
    )
    version = selectors.form_version_current(service=service)
    if version is None:
        context = {"service": service}
        return render(request, "catalogue/service_unavailable.html", context, status=404)
    acting_check(acting, service=service)
    audience_check(acting=acting, service=service)
    if not access_granted(acting=acting, service=service):
        return render(request, "catalogue/prior_contact.html", {"service": service}, status=403)
    if request.method == "POST":
        draft = submission_services.draft_start(acting=acting, service=service, version=version)
        return HttpResponseRedirect(reverse("submissions:draft_resume", args=[draft.pk]))
    return render(
        request,
        "eforms/start.html",
        {
            "service": service,
            "definition": selectors.definition_of(version),
            "drafts": submission_selectors.drafts_of_service(acting=acting, service=service),
        },
    )


@require_safe
def schema(request: HttpRequest, slug: str, number: int) -> JsonResponse:
    """A published version's answer schema: public, like the form itself."""
    version = selectors.form_version_get(slug=slug, number=number)
    return JsonResponse(version.schema, json_dumps_params={"ensure_ascii": False, "indent": 2})
