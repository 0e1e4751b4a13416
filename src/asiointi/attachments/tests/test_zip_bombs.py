"""Office and zip files that would unpack to too much are refused as suspicious, from the sizes
their central directory declares, before the virus scanner unpacks them."""

import io
import zipfile

import pytest
from django.conf import LazySettings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from asiointi.attachments.limits import AttachmentLimits
from asiointi.attachments.models import Attachment
from asiointi.attachments.services import AttachmentRefused, attachment_accept
from asiointi.customers.acting import Acting
from asiointi.tests.personas import Personas

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LIMITS = AttachmentLimits(max_bytes=10 * 1024 * 1024, media_types=frozenset({DOCX, XLSX}))
MB = 1024 * 1024
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org'
    '/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hei</w:t></w:r></w:p></w:body>'
    "</w:document>"
)


def docx(*, zeros: int = 0, extra: dict[str, bytes] | None = None, entries: int = 0) -> bytes:
    """A Word document; `zeros` bytes of padding in document.xml make it a bomb."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        with archive.open("word/document.xml", "w", force_zip64=True) as document:
            document.write(DOCUMENT.encode())
            chunk = b" " * MB
            for _ in range(zeros // MB):
                document.write(chunk)
        for number in range(entries):
            archive.writestr(f"word/media/part{number}.xml", "<a/>")
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def xlsx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


def accept(acting: Acting, name: str, content: bytes) -> Attachment:
    return attachment_accept(
        upload=SimpleUploadedFile(name, content),
        limits=LIMITS,
        customer=acting.customer,
        person=acting.person,
    )


def refused(acting: Acting, name: str, content: bytes) -> AttachmentRefused:
    with pytest.raises(AttachmentRefused) as caught:
        accept(acting, name, content)
    assert not Attachment.objects.exists()
    return caught.value


def test_a_small_docx_unpacking_to_200_mb_is_refused_as_suspicious(
    personas: Personas, clamd: str
) -> None:
    resident = personas.resident_acting()
    bomb = docx(zeros=200 * MB)
    assert len(bomb) < 300 * 1024
    refusal = refused(resident, "hakemus.docx", bomb)
    assert refusal.code == "suspicious"
    assert "hakemus.docx" in refusal.message and "100.0\xa0MB" in refusal.message


def test_a_docx_compressed_beyond_the_ratio_is_refused(personas: Personas, clamd: str) -> None:
    resident = personas.resident_acting()
    bomb = docx(zeros=30 * MB)  # under the unpacked limit, but a ratio of about a thousand
    assert refused(resident, "liite.docx", bomb).code == "suspicious"


def test_too_many_entries_are_refused(
    personas: Personas, clamd: str, settings: LazySettings
) -> None:
    resident = personas.resident_acting()
    settings.ATTACHMENT_ZIP_MAX_ENTRIES = 50
    assert refused(resident, "osat.docx", docx(entries=50)).code == "suspicious"


@pytest.mark.parametrize("nested", ["word/embeddings/pommi.zip", "word/media/a.tar.gz"])
def test_an_archive_inside_is_refused(personas: Personas, clamd: str, nested: str) -> None:
    resident = personas.resident_acting()
    refusal = refused(resident, "sisakkain.docx", docx(extra={nested: b"PK\x05\x06" + bytes(18)}))
    assert refusal.code == "suspicious"


def test_a_bomb_embedded_in_an_ordinary_document_is_counted(personas: Personas, clamd: str) -> None:
    resident = personas.resident_acting()
    inner = docx(zeros=200 * MB)
    outer = docx(extra={"word/embeddings/Microsoft_Word_Document.docx": inner})
    assert refused(resident, "upotettu.docx", outer).code == "suspicious"


def test_an_ordinary_document_with_an_embedded_sheet_is_accepted(
    personas: Personas, clamd: str
) -> None:
    resident = personas.resident_acting()
    document = docx(extra={"word/embeddings/Microsoft_Excel_Worksheet.xlsx": xlsx()})
    attachment = accept(resident, "raportti.docx", document)
    assert attachment.media_type == DOCX and attachment.scanned_at is not None


def test_a_damaged_zip_posing_as_a_document_is_refused(personas: Personas, clamd: str) -> None:
    resident = personas.resident_acting()
    damaged = docx()[:-30]  # the end of the central directory is gone
    # Not a readable Word document, so not of an allowed type; were it sniffed as one, the
    # archive check would refuse it as unreadable.
    assert refused(resident, "rikki.docx", damaged).code == "wrong_type"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fi", "Tiedostoa ”iso.docx” ei hyväksytty: se on pakattu tiedosto"),
        ("sv", "Filen ”iso.docx” godkändes inte: den är en komprimerad fil"),
        ("en", "The file “iso.docx” was not accepted: it is a compressed file"),
    ],
)
def test_the_refusal_says_what_to_do_in_each_language(
    personas: Personas, clamd: str, settings: LazySettings, language: str, text: str
) -> None:
    resident = personas.resident_acting()
    settings.ATTACHMENT_ZIP_MAX_UNPACKED_MB = 1
    with translation.override(language):
        assert text in refused(resident, "iso.docx", docx(zeros=2 * MB)).message
