"""File names from residents' computers, made safe to store, show and offer for download."""

import re
import unicodedata

from asiointi.attachments.limits import type_extensions
from asiointi.plain_text import BIDI_CONTROLS

MAX_NAME_LENGTH = 120
# Bidirectional controls too: "kuva\u202egpj.exe" would show as "kuvaexe.jpg".
UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f\u2028\u2029<>:"/\\|?*' + "".join(BIDI_CONTROLS) + "]+")


def name_sanitised(name: str, media_type: str) -> str:
    """The last path part, without control or reserved characters, with an extension that fits
    the content (a PNG sent as `kuva.pdf` becomes `kuva.pdf.png`)."""
    name = unicodedata.normalize("NFC", name)
    name = re.split(r"[/\\]", name)[-1]
    name = UNSAFE.sub("_", name)
    name = " ".join(name.split()).strip(" .")
    extensions = type_extensions(media_type)
    if extensions and not name.lower().endswith(extensions):
        name = f"{name}{extensions[0]}" if name else f"liite{extensions[0]}"
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    if len(name) > MAX_NAME_LENGTH:
        keep = MAX_NAME_LENGTH - len(extension) - 1
        name = f"{stem[:keep].rstrip(' .')}.{extension}" if extension else stem[:MAX_NAME_LENGTH]
    return name or "liite"
