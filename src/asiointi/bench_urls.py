"""The portal's URLs plus a constant page, the baseline of `make bench` (asiointi.bench.settings).

The bare view passes the same middleware as every page, so the difference between it and a
catalogue page is what the catalogue itself costs.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from asiointi import urls

BARE_PAGE = (
    b'<!doctype html>\n<html lang="fi">\n<head><meta charset="utf-8"><title>Bare</title></head>\n'
    b"<body><p>A constant page: the baseline of make bench.</p></body>\n</html>\n"
)


def bare_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse(BARE_PAGE)


urlpatterns = [path("bench/bare", bare_view, name="bench_bare"), *urls.urlpatterns]

handler404 = urls.handler404
handler500 = urls.handler500
