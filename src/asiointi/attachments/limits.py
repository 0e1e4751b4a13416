"""What a question or a message reply accepts: how large, how many and which kinds of file."""

from dataclasses import dataclass

from django.template.defaultfilters import filesizeformat
from django.utils.translation import ngettext

# Media types as libmagic names them, with the label residents know and the usual extensions.
# The first extension is the one added to a name whose own extension does not fit its content.
KNOWN_TYPES: dict[str, tuple[str, tuple[str, ...]]] = {
    "application/pdf": ("PDF", (".pdf",)),
    "image/jpeg": ("JPEG", (".jpg", ".jpeg")),
    "image/png": ("PNG", (".png",)),
    "image/heic": ("HEIC", (".heic",)),
    "image/tiff": ("TIFF", (".tif", ".tiff")),
    "text/plain": ("TXT", (".txt",)),
    "text/csv": ("CSV", (".csv",)),
    "application/rtf": ("RTF", (".rtf",)),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ("DOCX", (".docx",)),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ("XLSX", (".xlsx",)),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": (
        "PPTX",
        (".pptx",),
    ),
    "application/vnd.oasis.opendocument.text": ("ODT", (".odt",)),
    "application/vnd.oasis.opendocument.spreadsheet": ("ODS", (".ods",)),
    "application/msword": ("DOC", (".doc",)),
    "application/vnd.ms-excel": ("XLS", (".xls",)),
}

DOCUMENTS_AND_IMAGES = frozenset(
    {
        "application/pdf",
        "image/jpeg",
        "image/png",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.oasis.opendocument.text",
    }
)


def type_label(media_type: str) -> str:
    return KNOWN_TYPES.get(media_type, (media_type.rsplit("/", 1)[-1].upper(), ()))[0]


def type_extensions(media_type: str) -> tuple[str, ...]:
    return KNOWN_TYPES.get(media_type, ("", ()))[1]


def media_types_named(*labels: str) -> frozenset[str]:
    """Media types from the names people use (`"pdf"`, `"jpg"`, `"docx"`), for form definitions;
    an unknown name raises ValueError naming it."""
    by_name = {
        name: media_type
        for media_type, (label, extensions) in KNOWN_TYPES.items()
        for name in (label.lower(), *(extension.lstrip(".") for extension in extensions))
    }
    unknown = [label for label in labels if label.lower().lstrip(".") not in by_name]
    if unknown:
        raise ValueError(
            f"Unknown file types: {', '.join(unknown)}. Known: {', '.join(sorted(by_name))}"
        )
    return frozenset(by_name[label.lower().lstrip(".")] for label in labels)


@dataclass(frozen=True)
class AttachmentLimits:
    """Limits of one question or reply. `media_types` are content types sniffed from the bytes."""

    max_bytes: int = 10 * 1024 * 1024
    max_count: int = 5
    media_types: frozenset[str] = DOCUMENTS_AND_IMAGES

    def __post_init__(self) -> None:
        if self.max_bytes < 1 or self.max_count < 1 or not self.media_types:
            raise ValueError("Attachment limits need a positive size, a positive count and a type.")

    def type_labels(self) -> str:
        return ", ".join(sorted({type_label(media_type) for media_type in self.media_types}))

    def accept(self) -> str:
        """The file input's `accept` attribute: extensions and media types, for the file chooser."""
        extensions = {ext for media_type in self.media_types for ext in type_extensions(media_type)}
        return ",".join(sorted(extensions) + sorted(self.media_types))

    def hint(self) -> str:
        """What the person may attach, for the hint under the question (in the active language)."""
        message = ngettext(
            "At most %(count)s file, at most %(size)s. Allowed types: %(types)s.",
            "At most %(count)s files, each at most %(size)s. Allowed types: %(types)s.",
            self.max_count,
        )
        return message % {
            "count": self.max_count,
            "size": filesizeformat(self.max_bytes),
            "types": self.type_labels(),
        }
