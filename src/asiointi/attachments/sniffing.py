"""The media type of a file from its content; the name's extension is never trusted."""

import zipfile
from typing import IO

import magic
from django.core.files import File

# A Django file (an upload, a stored file opened) or a byte stream.
Readable = File | IO[bytes]

HEAD_BYTES = 1024 * 1024

# Office documents are zip files. libmagic names them from the first entries, which some programs
# write in another order; then the parts inside the zip tell.
ZIP_MARKERS = (
    (
        "word/document.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    (
        "ppt/presentation.xml",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
)
ODF_PREFIX = b"application/vnd.oasis.opendocument."


def _zip_type(file: Readable) -> str:
    try:
        with zipfile.ZipFile(file) as archive:  # type: ignore[arg-type]
            names = set(archive.namelist())
            # A "mimetype" entry is a few bytes; a huge one would be a bomb read into memory.
            if "mimetype" in names and archive.getinfo("mimetype").file_size <= 200:
                declared = archive.read("mimetype").strip()
                if declared.startswith(ODF_PREFIX):
                    return declared.decode("ascii", "replace")
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
        return "application/zip"
    for marker, media_type in ZIP_MARKERS:
        if marker in names:
            return media_type
    return "application/zip"


def media_type_of(file: Readable) -> str:
    """Sniff from the first megabyte; leaves the file at its start."""
    file.seek(0)
    head = file.read(HEAD_BYTES)
    file.seek(0)
    media_type = magic.from_buffer(head, mime=True)
    if media_type in ("application/zip", "application/octet-stream") and head[:4] == b"PK\x03\x04":
        media_type = _zip_type(file)
        file.seek(0)
    return media_type
