"""A file is accepted only after its size, content type and virus scan have been checked."""

import hashlib
from pathlib import Path

import pytest
from django.conf import LazySettings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from asiointi.attachments.limits import AttachmentLimits
from asiointi.attachments.models import Attachment
from asiointi.attachments.services import AttachmentRefused, attachment_accept
from asiointi.attachments.tests.conftest import EXE, PDF, PNG
from asiointi.attachments.tests.fixtures import EICAR
from asiointi.customers.acting import Acting
from asiointi.tests.personas import Personas

pytestmark = pytest.mark.django_db

PDF_ONLY = AttachmentLimits(max_bytes=1000, max_count=2, media_types=frozenset({"application/pdf"}))


def accept(acting: Acting, name: str, content: bytes, limits: AttachmentLimits = PDF_ONLY, **kw):  # type: ignore[no-untyped-def]
    return attachment_accept(
        upload=SimpleUploadedFile(name, content, content_type="application/pdf"),
        limits=limits,
        customer=acting.customer,
        person=acting.person,
        **kw,
    )


def refusal(acting: Acting, name: str, content: bytes, **kw) -> AttachmentRefused:  # type: ignore[no-untyped-def]
    with pytest.raises(AttachmentRefused) as caught:
        accept(acting, name, content, **kw)
    assert Attachment.objects.count() == 0
    return caught.value


def test_a_clean_pdf_is_scanned_and_stored_privately(
    personas: Personas, clamd: str, settings: LazySettings
) -> None:
    resident = personas.resident_acting()
    attachment = accept(resident, "hakemus.pdf", PDF)

    assert attachment.customer == resident.customer and attachment.person == resident.person
    assert attachment.original_name == "hakemus.pdf"
    assert attachment.media_type == "application/pdf"
    assert attachment.size == len(PDF)
    assert attachment.sha256 == hashlib.sha256(PDF).hexdigest()
    assert attachment.scanned_at is not None
    stored = Path(attachment.file.path)
    assert stored.read_bytes() == PDF
    assert not stored.is_relative_to(settings.MEDIA_ROOT)
    assert "hakemus" not in attachment.file.name and not stored.suffix


def test_eicar_is_refused_as_infected(personas: Personas, clamd: str) -> None:
    """clamd with the local EICAR signature."""
    resident = personas.resident_acting()
    text = AttachmentLimits(media_types=frozenset({"text/plain"}))
    refused = refusal(resident, "lasku.txt", EICAR, limits=text)
    assert refused.code == "infected"
    assert "lasku.txt" in refused.message and "virus" in refused.message


def test_eicar_inside_a_pdf_is_refused_as_infected(personas: Personas, clamd: str) -> None:
    resident = personas.resident_acting()
    refused = refusal(resident, "liite.pdf", PDF + EICAR)
    assert refused.code == "infected"


def test_a_file_over_the_size_limit_is_refused_before_scanning(
    personas: Personas, clamd_down: None
) -> None:
    resident = personas.resident_acting()
    refused = refusal(resident, "iso.pdf", PDF + b"0" * 1000)
    assert refused.code == "too_large"
    assert "iso.pdf" in refused.message and "1000\u00a0bytes" in refused.message


def test_the_type_comes_from_the_content_not_the_name(personas: Personas, clamd: str) -> None:
    resident = personas.resident_acting()
    refused = refusal(resident, "kuva.pdf", PNG)
    assert refused.code == "wrong_type"
    assert "kuva.pdf" in refused.message and "PNG" in refused.message and "PDF" in refused.message
    assert refusal(resident, "ohjelma.pdf", EXE).code == "wrong_type"


def test_a_zero_byte_file_is_refused_as_empty(personas: Personas, clamd: str) -> None:
    resident = personas.resident_acting()
    refused = refusal(resident, "tyhjä.pdf", b"")
    assert refused.code == "empty" and "tyhjä.pdf" in refused.message


def test_a_file_of_blanks_only_is_refused_as_empty(personas: Personas, clamd: str) -> None:
    resident = personas.resident_acting()
    assert refusal(resident, "tyhjä.txt", b" \r\n\t\x00" * 20).code == "empty"


def test_more_files_than_allowed_are_refused(personas: Personas, clamd: str) -> None:
    resident = personas.resident_acting()
    refused = refusal(resident, "kolmas.pdf", PDF, already=2)
    assert refused.code == "too_many"
    assert "kolmas.pdf" in refused.message and "2 files" in refused.message


def test_refusals_speak_the_persons_language(personas: Personas, clamd: str) -> None:
    resident = personas.resident_acting()
    with translation.override("fi"):
        assert "tyhjä" in refusal(resident, "a.pdf", b"").message
    with translation.override("sv"):
        assert "tom" in refusal(resident, "a.pdf", b"").message


def test_scanner_down_refuses_with_try_again_later(
    personas: Personas, clamd_down: None, settings: LazySettings
) -> None:
    resident = personas.resident_acting()
    settings.CLAMAV_REQUIRED = True
    refused = refusal(resident, "hakemus.pdf", PDF)
    assert refused.code == "scan_unavailable"
    assert "again in a few minutes" in refused.message


def test_without_a_required_scanner_the_file_is_kept_unscanned(
    personas: Personas, clamd_down: None, settings: LazySettings, caplog: pytest.LogCaptureFixture
) -> None:
    resident = personas.resident_acting()
    settings.CLAMAV_REQUIRED = False
    attachment = accept(resident, "hakemus.pdf", PDF)
    assert attachment.scanned_at is None
    assert "UNSCANNED" in caplog.text


def test_a_name_with_a_path_and_a_wrong_extension_is_made_safe(
    personas: Personas, clamd: str
) -> None:
    resident = personas.resident_acting()
    images = AttachmentLimits(media_types=frozenset({"image/png", "application/pdf"}))
    attachment = accept(resident, "C:\\Users\\tessa\\<kuva>.pdf", PNG, limits=images)
    assert attachment.original_name == "_kuva_.pdf.png"
    assert attachment.media_type == "image/png"
