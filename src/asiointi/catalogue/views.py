from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_safe

from asiointi.catalogue import help, selectors, services
from asiointi.catalogue.cache import cache_public_page
from asiointi.catalogue.forms import ServiceFilterForm
from asiointi.catalogue.guide import GUIDE_PAGES, guide_pdf_bytes
from asiointi.catalogue.starts import start_url


def _filter_form(request: HttpRequest) -> ServiceFilterForm:
    agencies, categories = selectors.filter_choices()
    return ServiceFilterForm(request.GET or None, agencies=agencies, categories=categories)


@require_safe
@cache_public_page
def front_page(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "catalogue/front_page.html",
        {
            "categories": selectors.categories_with_counts(),
            "most_used": selectors.most_used_services(),
        },
    )


@require_safe
@cache_public_page
def service_list(request: HttpRequest) -> HttpResponse:
    form = _filter_form(request)
    filters = form.filters()
    page = selectors.service_page(filters, request.GET.get("page", 1), get_language())
    query = {k: v for k, v in vars(filters).items() if v and k != "query"}
    if filters.query:
        query["q"] = filters.query
    return render(
        request,
        "catalogue/service_list.html",
        {"form": form, "filters": filters, "page": page, "query_string": urlencode(query)},
    )


@require_safe
@cache_public_page
def service_detail(request: HttpRequest, slug: str) -> HttpResponse:
    service = selectors.service_by_slug(slug)
    return render(request, "catalogue/service_detail.html", {"service": service})


@require_safe
def service_start(request: HttpRequest, slug: str) -> HttpResponse:
    """ "Siirry palveluun": what the service has online (a form's start page, which asks for login,
    a course service's courses, an external system), or, with nothing online, the agency's
    contacts: never back to the login page or the same description."""
    service = selectors.service_by_slug(slug)
    services.service_record_start(service=service)
    url = start_url(service)
    if url is None:
        return render(request, "catalogue/service_unavailable.html", {"service": service})
    return HttpResponseRedirect(url)


@require_safe
@cache_public_page
def agency_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "catalogue/agency_list.html", {"agencies": selectors.agencies_with_counts()}
    )


@require_safe
@cache_public_page
def agency_detail(request: HttpRequest, slug: str) -> HttpResponse:
    agency = selectors.agency_by_slug(slug)
    return render(
        request,
        "catalogue/agency_detail.html",
        {"agency": agency, "services": selectors.services_of_agency(agency)},
    )


@require_safe
@cache_public_page
def help_index(request: HttpRequest) -> HttpResponse:
    return render(request, "catalogue/help_index.html", {"pages": help.help_pages()})


@require_safe
@cache_public_page
def help_page(request: HttpRequest, slug: str) -> HttpResponse:
    page = help.help_page(slug)
    return render(
        request,
        "catalogue/help_page.html",
        {
            "page": page,
            "content_template": page.template_name(get_language()),
            "in_guide": page.slug in GUIDE_PAGES,
        },
    )


@require_safe
def guide_pdf(request: HttpRequest) -> HttpResponse:
    """ "Sähköisen asioinnin ohjeet": the guide's help pages and pictures as one PDF, made once per
    language and version of its pages (drawing it takes seconds)."""
    language = get_language() or settings.LANGUAGE_CODE
    pdf = guide_pdf_bytes(language)
    name = f"{slugify(gettext('E-services instructions'))}.pdf"
    # The same for everyone, so not a private file: shared caches may keep it.
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, name) or ""
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=3600"
    return response
