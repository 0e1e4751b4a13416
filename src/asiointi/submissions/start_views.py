"""A form's front page (address and name `eforms:start`, under the forms' address): what the form
needs, the customer's drafts of it, and "Start" making a new draft; or why it cannot be used yet
(another kind of customer, or the agency must be contacted first). Drafts are this app's, so the
page is too; `asiointi/urls.py` mounts it beside the eforms app's schema address."""

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_http_methods

from asiointi.catalogue.selectors import service_to_use_by_slug
from asiointi.customers.acting import ActingRequest, acting_check, acting_required
from asiointi.customers.grants import access_granted
from asiointi.eforms.selectors import definition_of, form_version_current
from asiointi.organisations.services import audience_check
from asiointi.submissions import selectors, services
from asiointi.submissions.views import resume_url


@acting_required
@require_http_methods(["GET", "POST"])
def form_start(request: ActingRequest, slug: str) -> HttpResponse:
    acting = request.acting
    service = service_to_use_by_slug(slug)
    version = form_version_current(service=service)
    if version is None:
        context = {"service": service}
        return render(request, "catalogue/service_unavailable.html", context, status=404)
    acting_check(acting, service=service)
    audience_check(acting=acting, service=service)
    if not access_granted(acting=acting, service=service):
        return render(request, "catalogue/prior_contact.html", {"service": service}, status=403)
    if request.method == "POST":
        draft = services.draft_start(acting=acting, service=service, version=version)
        # Straight to the first page: the draft's own address would only redirect there.
        return HttpResponseRedirect(resume_url(draft))
    return render(
        request,
        "submissions/start.html",
        {
            "service": service,
            "definition": definition_of(version),
            "drafts": selectors.drafts_of_service(acting=acting, service=service),
        },
    )


# Mounted in the eforms namespace by asiointi/urls.py, so the address and name stay the form's.
form_start_urlpatterns = [path("<slug:slug>/", form_start, name="start")]
