"""PDFs are drawn from templates in the asked language, with nothing fetched from the network."""

import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest
from django.conf import LazySettings

from asiointi.pdf import LocalOnlyFetcher, pdf_render

TEMPLATE = """{% extends "pdf/base.html" %}{% load i18n %}
{% block title %}Tervehdys{% endblock %}
{% block content %}<h1>Hyvää päivää, Åsa Öberg</h1><p>{% translate "Log in" %}</p>
<img src="https://example.com/tracker.png" alt=""><img src="http://127.0.0.1:9/x.png" alt="">
{% endblock %}"""


@pytest.fixture
def template(tmp_path: Path, settings: LazySettings) -> str:
    (tmp_path / "pdf_test.html").write_text(TEMPLATE)
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [str(tmp_path)]}]
    return "pdf_test.html"


def poppler(program: str, pdf: bytes, tmp_path: Path) -> str:
    if not shutil.which(program):
        pytest.skip(f"{program} (Debian poppler-utils, `make poppler`) is not installed")
    (tmp_path / "out.pdf").write_bytes(pdf)
    return subprocess.run(  # noqa: S603
        [program, str(tmp_path / "out.pdf"), *(["-"] if program == "pdftotext" else [])],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_a_pdf_in_finnish_keeps_its_letters(template: str, tmp_path: Path) -> None:
    pdf = pdf_render(template_name=template, context={}, language="sv")
    assert pdf.startswith(b"%PDF-")
    text = poppler("pdftotext", pdf, tmp_path)
    assert "Hyvää päivää, Åsa Öberg" in text
    assert "Helsingfors stad" in text  # the city's name in the document's language
    fonts = poppler("pdffonts", pdf, tmp_path)
    assert "DejaVuSans" in fonts.replace("-", "")  # the portal's stylesheet was applied
    assert "Serif" not in fonts


def test_remote_addresses_are_refused_not_fetched(
    template: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("PDF rendering opened a network connection")

    monkeypatch.setattr("socket.socket.connect", no_network)
    monkeypatch.setattr("socket.create_connection", no_network)
    assert pdf_render(template_name=template, context={}, language="fi").startswith(b"%PDF-")


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/style.css",
        "http://127.0.0.1:8000/static/asiointi/pdf.css",
        "file:///etc/passwd",
        "file:///static/../../settings.py",
        "ftp://example.com/x",
    ],
)
def test_the_fetcher_refuses_anything_but_static_files(url: str) -> None:
    with pytest.raises(ValueError):
        LocalOnlyFetcher().fetch(url)


def test_the_fetcher_serves_static_files_and_data_urls() -> None:
    assert b"@page" in LocalOnlyFetcher().fetch("file:///static/asiointi/pdf.css").read()
    assert LocalOnlyFetcher().fetch("data:text/plain,hei").read() == b"hei"


def pdf_objects(pdf: bytes) -> bytes:
    """The PDF's objects, with its compressed object streams opened."""
    streams = re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL)
    opened = []
    for stream in streams:
        try:
            opened.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return pdf + b"".join(opened)


def test_a_pdf_is_tagged_for_screen_readers_with_its_title_and_language(
    template: str, tmp_path: Path
) -> None:
    pdf = pdf_render(template_name=template, context={}, language="sv")
    objects = pdf_objects(pdf)
    assert b"/StructTreeRoot" in objects
    assert b"/Marked true" in objects
    assert b"/Lang (sv)" in objects
    info = poppler("pdfinfo", pdf, tmp_path)
    assert "Tagged:          yes" in info
    assert "Title:           Tervehdys" in info
    assert b'pdfuaid:part="1"' in objects  # the XMP metadata claims PDF/UA-1


def test_a_pdf_without_a_title_is_refused(tmp_path: Path, settings: LazySettings) -> None:
    (tmp_path / "untitled.html").write_text('{% extends "pdf/base.html" %}')
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [str(tmp_path)]}]
    with pytest.raises(ValueError, match="title"):
        pdf_render(template_name="untitled.html", context={}, language="fi")
