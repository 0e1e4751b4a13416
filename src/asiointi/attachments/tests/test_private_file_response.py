"""Every private file goes out the same way: audited, not kept, its sniffed type, and opened in
the browser only when it is a PDF the view asked to show."""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http.response import HttpResponseBase
from django.test import RequestFactory

from asiointi.attachments.responses import private_file_response
from asiointi.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
HTML = b"<!DOCTYPE html>\n<html lang='fi'><head><title>x</title></head><body>x</body></html>"


def respond(content: bytes | io.BytesIO, filename: str, inline: bool = False) -> HttpResponseBase:
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    return private_file_response(
        request=request, content=content, filename=filename, audit_target="test:1", inline=inline
    )


def test_a_pdf_asked_inline_opens_in_the_browser_and_is_not_kept() -> None:
    response = respond(PDF, "kuitti ä.pdf", inline=True)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == "inline; filename*=utf-8''kuitti%20%C3%A4.pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.PERSONAL_DATA_READ, target="test:1"
    ).exists()


def test_a_pdf_not_asked_inline_is_a_download() -> None:
    response = respond(PDF, "kuitti.pdf")
    assert response["Content-Disposition"] == 'attachment; filename="kuitti.pdf"'


def test_html_is_a_download_with_its_sniffed_type_whatever_the_name_or_the_wish() -> None:
    response = respond(io.BytesIO(HTML), "kuva.pdf", inline=True)
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert b"".join(response.streaming_content) == HTML  # type: ignore[attr-defined]
