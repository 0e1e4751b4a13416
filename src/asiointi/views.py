"""Pages that belong to the portal as a whole rather than to one app."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.http import require_safe


@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No database and no request context: whatever broke must not break the error page too.
    template = loader.get_template("500.html")
    return HttpResponse(
        template.render({"request": request, "advice_phone": settings.ADVICE_PHONE}), status=500
    )
