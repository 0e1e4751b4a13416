"""Why a file was not accepted, in words that name the file and say what to do next."""

from typing import Literal

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext, ngettext

from asiointi.attachments.limits import AttachmentLimits, type_label

RefusalCode = Literal[
    "empty", "too_large", "too_many", "wrong_type", "suspicious", "infected", "scan_unavailable"
]


class AttachmentRefused(Exception):
    """A file was refused. `code` is for programs, `message` (translated) for the person."""

    def __init__(self, code: RefusalCode, message: str) -> None:
        super().__init__(message)
        self.code: RefusalCode = code
        self.message = message


def refusal(
    code: RefusalCode, *, name: str, limits: AttachmentLimits, size: int = 0, media_type: str = ""
) -> AttachmentRefused:
    values = {
        "name": name,
        "size": filesizeformat(size),
        "limit": filesizeformat(limits.max_bytes),
        "count": limits.max_count,
        "types": limits.type_labels(),
        "type": type_label(media_type) if media_type else "",
    }
    if code == "empty":
        message = gettext("The file “%(name)s” is empty. Choose the file that has the content.")
    elif code == "too_large":
        message = gettext(
            "The file “%(name)s” is %(size)s, larger than the limit of %(limit)s. Make it smaller, "
            "for example by saving or scanning it at a lower resolution, or split it into parts."
        )
    elif code == "too_many":
        message = ngettext(
            "The file “%(name)s” was not added: at most %(count)s file can be attached. "
            "Remove the attached file first if you want to send this one instead.",
            "The file “%(name)s” was not added: at most %(count)s files can be attached. "
            "Remove an attached file first if you want to send this one instead.",
            limits.max_count,
        )
    elif code == "wrong_type":
        message = gettext(
            "The file “%(name)s” is of a type that cannot be accepted here (%(type)s). "
            "Allowed types: %(types)s. Save the file in one of these formats and attach it again."
        )
    elif code == "suspicious":
        # `size` is the unpacked limit here.
        message = gettext(
            "The file “%(name)s” was not accepted: it is a compressed file (such as a Word, Excel "
            "or zip file) that would unpack to more than %(size)s, or to unusually many parts, "
            "or it has archives inside it. Save the content again as an ordinary document, or "
            "split it into smaller files."
        )
    elif code == "infected":
        message = gettext(
            "The file “%(name)s” contains a virus or other malware and was not accepted. "
            "Check your device with up-to-date security software "
            "and attach a clean copy of the file."
        )
    else:
        message = gettext(
            "The file “%(name)s” could not be checked for viruses just now, "
            "so it was not accepted. Try attaching it again in a few minutes."
        )
    return AttachmentRefused(code, message % values)
