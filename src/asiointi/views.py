"""Pages that belong to the portal as a whole rather than to one app."""

import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe

from asiointi.advice import advice_status


@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


def brand_version() -> str:
    colours = f"{settings.CITY_BRAND_COLOR}{settings.CITY_BRAND_TEXT_COLOR}"
    return hashlib.sha256(colours.encode()).hexdigest()[:10]


def brand_css_url() -> str:
    return f"{reverse('brand_css')}?v={brand_version()}"


@require_safe
def brand_css(request: HttpRequest) -> HttpResponse:
    """The city's colours as a style sheet: the Content-Security-Policy allows no inline style.

    Its address carries a hash of the colours, so it is cached for good and a change of colours
    is a new address."""
    css = (
        f":root {{ --brand: {settings.CITY_BRAND_COLOR}; "
        f"--brand-text: {settings.CITY_BRAND_TEXT_COLOR}; }}\n"
    )
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    if request.GET.get("v") == brand_version():
        response["Cache-Control"] = "public, max-age=31536000, immutable"
    else:
        response["Cache-Control"] = "public, max-age=300"
    return response


def previous_page(request: HttpRequest) -> str:
    """The portal page the person came from (Referer), as a path; "" if none or another site's."""
    referer = request.headers.get("referer", "")
    try:
        host = request.get_host()
    except DisallowedHost:  # the very reason for a 400 page
        return ""
    if not url_has_allowed_host_and_scheme(
        referer, allowed_hosts={host}, require_https=request.is_secure()
    ):
        return ""
    address = urlsplit(referer)
    if not address.netloc or not address.path.startswith("/"):
        return ""
    return address.path + (f"?{address.query}" if address.query else "")


def _error_page(request: HttpRequest, template: str, status: int) -> HttpResponse:
    return render(request, template, {"previous_page": previous_page(request)}, status=status)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _error_page(request, "400.html", 400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _error_page(request, "403.html", 403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent from a page that had expired (or without the CSRF cookie): Django's reason
    is for developers, the person is told to go back and send again."""
    return _error_page(request, "csrf_failure.html", 403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No database and no request context: whatever broke must not break the error page too.
    template = loader.get_template("500.html")
    language = translation.get_language() or settings.LANGUAGE_CODE
    context = {
        "request": request,
        "advice_phone": settings.ADVICE_PHONE,
        "advice_hours": settings.ADVICE_HOURS.get(language, settings.ADVICE_HOURS["fi"]),
        "advice": advice_status(language=language),
        "brand_css_url": brand_css_url(),
    }
    return HttpResponse(template.render(context), status=500)
