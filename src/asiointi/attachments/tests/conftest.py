from collections.abc import Iterator

import pytest
from django.utils import translation

# Small files whose content libmagic recognises.
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4"
    "890000000d4944415478da63f8cfc0f01f0005000201a2e5a4d90000000049454e44ae426082"
)
EXE = b"MZ\x90\x00\x03" + b"\x00" * 59 + b"PE\x00\x00" + b"\x00" * 64


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """Messages are checked in English unless a test chooses another language."""
    with translation.override("en"):
        yield
