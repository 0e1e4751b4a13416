"""A PDF copy of a sent form, from the same answers the pages show (WeasyPrint)."""

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string


def submission_pdf(request: HttpRequest, context: dict[str, Any]) -> bytes:
    # Imported here: loading WeasyPrint (fonts, CSS) takes seconds that other pages need not wait.
    from weasyprint import HTML

    # A string with <meta charset="utf-8">: read any other way, Finnish letters come out garbled.
    html = render_to_string("submissions/pdf.html", context, request=request)
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
