"""Zip containers (zip, Word, Excel, PowerPoint, OpenDocument) that would unpack to too much.

Only the central directory is read, never the content: the sizes each entry declares, how many
entries there are and what they are named. Decompressing to find out would be the very attack
("zip bomb", "42.zip"), and the virus scanner and the staff's office programs would decompress
such a file next, so it is refused before the scan. An entry lying about its own size is left to
clamd's own limits (`MaxScanSize`, `MaxFileSize`).
"""

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings

# Archives inside an archive are refused outright: they are how a bomb hides its size.
ARCHIVE_SUFFIXES = frozenset(
    {".zip", ".7z", ".rar", ".gz", ".tgz", ".bz2", ".xz", ".zst", ".tar", ".cab", ".jar"}
)
# Zip-based documents inside a document (an Excel sheet embedded in Word) are ordinary: their
# central directories are read too, one level deep, and count towards the same limits.
DOCUMENT_SUFFIXES = frozenset(
    {".docx", ".docm", ".xlsx", ".xlsm", ".pptx", ".pptm", ".odt", ".ods", ".odp", ".odg"}
)
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
# A small file may compress very well without harm; the ratio counts once this much is unpacked.
RATIO_FLOOR_BYTES = 1024 * 1024


@dataclass(frozen=True)
class ArchiveLimits:
    max_unpacked_bytes: int
    max_ratio: int
    max_entries: int

    @classmethod
    def from_settings(cls) -> "ArchiveLimits":
        return cls(
            max_unpacked_bytes=settings.ATTACHMENT_ZIP_MAX_UNPACKED_MB * 1024 * 1024,
            max_ratio=settings.ATTACHMENT_ZIP_MAX_RATIO,
            max_entries=settings.ATTACHMENT_ZIP_MAX_ENTRIES,
        )


class SuspiciousArchive(Exception):
    """Why a zip container is refused, for the log (the person reads one plain message)."""


def is_zip_container(head: bytes) -> bool:
    return head[:4] in ZIP_SIGNATURES


def archive_check(file: io.IOBase, *, size: int, limits: ArchiveLimits) -> None:
    """Raise SuspiciousArchive when the zip declares more than the limits allow, or cannot be
    read as a zip at all; leaves the file at its start."""
    try:
        with zipfile.ZipFile(file) as archive:  # type: ignore[arg-type]
            _entries, unpacked = _totals(archive, limits, depth=0)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise SuspiciousArchive(f"unreadable zip: {error}") from None
    finally:
        file.seek(0)
    if unpacked > RATIO_FLOOR_BYTES and unpacked > limits.max_ratio * max(size, 1):
        raise SuspiciousArchive(f"ratio {unpacked // max(size, 1)} above {limits.max_ratio}")


def _totals(archive: zipfile.ZipFile, limits: ArchiveLimits, *, depth: int) -> tuple[int, int]:
    infos = archive.infolist()
    entries, unpacked = len(infos), sum(info.file_size for info in infos)
    _within(entries, unpacked, limits)
    for info in infos:
        suffix = PurePosixPath(info.filename).suffix.lower()
        if suffix in ARCHIVE_SUFFIXES:
            raise SuspiciousArchive(f"nested archive ({suffix})")
        if suffix in DOCUMENT_SUFFIXES:
            if depth > 0:
                raise SuspiciousArchive("documents nested more than one level")
            # Reading an embedded document's directory decompresses that entry only; its size
            # was within the limits just checked.
            with archive.open(info) as inner_file, zipfile.ZipFile(inner_file) as inner:
                more_entries, more_unpacked = _totals(inner, limits, depth=depth + 1)
            entries, unpacked = entries + more_entries, unpacked + more_unpacked
            _within(entries, unpacked, limits)
    return entries, unpacked


def _within(entries: int, unpacked: int, limits: ArchiveLimits) -> None:
    if entries > limits.max_entries:
        raise SuspiciousArchive(f"{entries} entries, above {limits.max_entries}")
    if unpacked > limits.max_unpacked_bytes:
        raise SuspiciousArchive(f"{unpacked} bytes unpacked, above {limits.max_unpacked_bytes}")
