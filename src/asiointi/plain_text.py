"""What text typed by a person may not hold, wherever it is typed: one rule for every app.

Refused, not silently removed, so the person sees what was wrong and nothing changes behind their
back: control characters (NUL, escape, delete, the C1 range), except line breaks and tabs in
text that runs over several lines, the line and paragraph separators in single-line text, and
the Unicode bidirectional controls (embeddings, overrides, isolates and marks). These pass
through PDFs, e-mails and back-office systems, where they make a text read differently from
what was stored ("Trojan Source", CVE-2021-42574) or break the files it is written into.
"""

import unicodedata
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext

# Unicode's Bidi_Control property: ALM, LRM, RLM, LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# A browser sends a textarea's line break as CR LF.
MULTILINE_ALLOWED = frozenset("\n\r\t")


def trimmed(value: str) -> str:
    """The text without spaces at its ends; a forbidden character there stays, to be refused.
    (str.strip() would silently drop a vertical tab, form feed or separator at either end.)"""
    start, end = 0, len(value)
    while start < end and _trimmable(value[start]):
        start += 1
    while end > start and _trimmable(value[end - 1]):
        end -= 1
    return value[start:end]


def _trimmable(character: str) -> bool:
    return character.isspace() and (
        character in MULTILINE_ALLOWED or unicodedata.category(character) not in ("Cc", "Zl", "Zp")
    )


def forbidden_character(value: str, *, multiline: bool = False) -> str | None:
    """The first character the text may not hold, or None when it is fine."""
    for character in value:
        if multiline and character in MULTILINE_ALLOWED:
            continue
        if character in BIDI_CONTROLS or unicodedata.category(character) in ("Cc", "Zl", "Zp"):
            return character
    return None


def forbidden_character_message(character: str) -> str:
    """What the person reads, in the active language, naming the character by its code point."""
    return gettext(
        "Remove the invisible control character (%(character)s) from the text. It may have come "
        "along when the text was copied from another program."
    ) % {"character": f"U+{ord(character):04X}"}


def plain_text_problem(value: str, *, multiline: bool = False) -> str | None:
    """The message for text holding a forbidden character, or None when the text is fine."""
    character = forbidden_character(value, multiline=multiline)
    return None if character is None else forbidden_character_message(character)


@deconstructible
class PlainTextValidator:
    """The same rule for a Django form field: `validators=[PlainTextValidator(multiline=True)]`."""

    code = "control_character"

    def __init__(self, *, multiline: bool = False) -> None:
        self.multiline = multiline

    def __call__(self, value: object) -> None:
        if not isinstance(value, str):
            return
        message = plain_text_problem(value, multiline=self.multiline)
        if message is not None:
            raise ValidationError(message, code=self.code)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PlainTextValidator) and other.multiline == self.multiline

    def __hash__(self) -> int:
        return hash(self.multiline)


class PlainTextField(forms.CharField):
    """A CharField with the rule above, its one message replacing Django's own for NUL."""

    def __init__(self, *, multiline: bool = False, **kwargs: Any) -> None:
        stripping = kwargs.pop("strip", True)
        super().__init__(strip=False, **kwargs)
        self.trimming = stripping
        self.validators = [
            validator
            for validator in self.validators
            if not isinstance(validator, ProhibitNullCharactersValidator)
        ]
        self.validators.append(PlainTextValidator(multiline=multiline))

    def to_python(self, value: Any) -> Any:
        value = super().to_python(value)
        return trimmed(value) if self.trimming and isinstance(value, str) else value
