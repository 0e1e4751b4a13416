"""PDF documents (receipts, decisions, copies of submissions) from HTML templates, with WeasyPrint.

Nothing is fetched from the network while rendering: stylesheets, images and fonts come from the
portal's own static files (`{% static %}` paths) or data: URLs; any other address is refused, so
a value a resident typed can never make the server fetch a URL. Text uses the fonts installed on
the machine (Debian's fonts-dejavu-core at least). Every document is tagged PDF/UA-1, so screen
readers can read it: the template must give it a <title>; its language is the one it is rendered in.
"""

import mimetypes
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Relative and root-relative URLs in a template resolve against this base; only static paths load.
BASE_URL = "file:///"


class LocalOnlyFetcher(URLFetcher):
    """Serves the portal's static files and data: URLs; refuses everything else."""

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.scheme == "data":
            return super().fetch(url, headers)
        if parts.scheme == "file":
            path = static_file(unquote(parts.path))
            if path is not None:
                media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": media_type})
        raise ValueError(f"PDF rendering fetches only the portal's static files, not {url}")


def static_file(url_path: str) -> Path | None:
    prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    if not url_path.startswith(prefix):
        return None
    relative = url_path.removeprefix(prefix)
    if ".." in Path(relative).parts:
        return None
    found = finders.find(relative)
    return Path(found) if isinstance(found, str) else None


def pdf_render(*, template_name: str, context: Mapping[str, Any], language: str) -> bytes:
    """Render the template in `language` and return the PDF's bytes."""
    with translation.override(language):
        city_name = settings.CITY_NAME.get(language, settings.CITY_NAME["fi"])
        html = render_to_string(
            template_name, {"city_name": city_name, **context, "language": language}
        )
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=LocalOnlyFetcher()).render()
    # A screen reader reads a PDF/UA document's structure (headings, lists, tables) in order, in
    # its language, under its title; both come from the template's <title> and <html lang>.
    if not document.metadata.title:
        raise ValueError(f"{template_name} gives the PDF no <title>, which PDF/UA requires")
    document.metadata.lang = document.metadata.lang or language
    return document.write_pdf(pdf_variant="pdf/ua-1")
