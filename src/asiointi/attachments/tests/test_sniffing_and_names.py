"""Types come from the content; names are made safe."""

import io
import zipfile

import pytest

from asiointi.attachments.limits import AttachmentLimits, media_types_named
from asiointi.attachments.names import name_sanitised
from asiointi.attachments.sniffing import media_type_of
from asiointi.attachments.tests.conftest import EXE, PDF, PNG


def zipped(*entries: tuple[str, bytes]) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries:
            archive.writestr(name, content)
    buffer.seek(0)
    return buffer


@pytest.mark.parametrize(
    ("content", "media_type"),
    [
        (PDF, "application/pdf"),
        (PNG, "image/png"),
        (EXE, "application/x-dosexec"),
        ("Hyvää päivää\n".encode(), "text/plain"),
    ],
)
def test_common_types_are_recognised(content: bytes, media_type: str) -> None:
    assert media_type_of(io.BytesIO(content)) == media_type


def test_a_word_document_is_recognised_whatever_the_order_of_its_parts() -> None:
    document = zipped(("word/document.xml", b"<w:document/>"), ("[Content_Types].xml", b"<Types/>"))
    assert media_type_of(document) == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert document.tell() == 0


def test_an_opendocument_text_is_recognised() -> None:
    odt = zipped(("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<x/>"))
    assert media_type_of(odt) == "application/vnd.oasis.opendocument.text"


def test_a_plain_zip_stays_a_zip() -> None:
    assert media_type_of(zipped(("a.txt", b"a"))) == "application/zip"


@pytest.mark.parametrize(
    ("given", "media_type", "safe"),
    [
        ("hakemus.pdf", "application/pdf", "hakemus.pdf"),
        ("../../etc/passwd", "text/plain", "passwd.txt"),
        ("C:\\Users\\Åsa\\Kuva 1.JPG", "image/jpeg", "Kuva 1.JPG"),
        ("lasku.pdf.exe", "application/pdf", "lasku.pdf.exe.pdf"),
        ("a\x00b\nc.pdf", "application/pdf", "a_b_c.pdf"),
        ("...", "application/pdf", "liite.pdf"),
        ("", "", "liite"),
        ("x" * 300 + ".pdf", "application/pdf", "x" * 116 + ".pdf"),
    ],
)
def test_names_are_made_safe(given: str, media_type: str, safe: str) -> None:
    assert name_sanitised(given, media_type) == safe


def test_limits_must_allow_something() -> None:
    with pytest.raises(ValueError):
        AttachmentLimits(max_count=0)
    with pytest.raises(ValueError):
        AttachmentLimits(media_types=frozenset())


def test_form_definitions_name_types_as_people_do() -> None:
    assert media_types_named("PDF", "jpg", ".jpeg", "docx") == {
        "application/pdf",
        "image/jpeg",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }
    with pytest.raises(ValueError, match="Unknown file types: exe"):
        media_types_named("pdf", "exe")
