"""The portal's addresses and one more: a service start that checks the service's audience, as
the forms and courses start their services."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path

from asiointi.catalogue.models import Service
from asiointi.customers.acting import acting_required
from asiointi.organisations.services import audience_check
from asiointi.urls import urlpatterns as portal_urlpatterns


@acting_required
def start(request: HttpRequest, slug: str) -> HttpResponse:
    service = get_object_or_404(Service, slug=slug)
    audience_check(acting=request.acting, service=service)  # type: ignore[attr-defined]
    return HttpResponse(f"started {service.slug}")


urlpatterns = [
    *portal_urlpatterns,
    *i18n_patterns(path("audience-test/<slug:slug>/", start, name="audience_test_start")),
]
