"""One registry of what each app holds about a customer: the only source of the customer's own
"Download my data" copy and of the GDPR API's answers, so the two cannot drift apart.

Privacy is the lowest layer, so every app registers its section here in its AppConfig.ready():
its key, how to collect the customer's data (plain dicts, lists and values), how to erase or
anonymise it, and what stops erasure now (a case still open at an agency, an upcoming course).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.utils import timezone, translation
from django.utils.functional import Promise

# A customers.Customer. Privacy stands below the customers app and does not import it, not even
# for types; each section's own module names the type it receives.
Customer = Any

LANGUAGES = ("fi", "sv", "en")


@dataclass(frozen=True)
class ErasureBlocker:
    """Why erasure must wait: `code` for machines, `message` (lazy) for people."""

    code: str
    message: Promise | str

    def as_error(self) -> dict[str, Any]:
        """The GDPR API contract's error: a code and the message in fi, sv and en."""
        texts = {}
        for language in LANGUAGES:
            with translation.override(language):
                texts[language] = str(self.message)
        return {"code": self.code, "message": texts}


Collect = Callable[[Customer], Any]
Erase = Callable[[Customer], int]
Blockers = Callable[[Customer], list[ErasureBlocker]]


@dataclass(frozen=True)
class Section:
    key: str
    heading: Promise | str
    collect: Collect
    # Erases or anonymises the section's rows; how many rows it touched. None: nothing to erase
    # (the audit log keeps its own retention, see privacy.retention).
    erase: Erase | None = None
    blockers: Blockers | None = None
    # Place in the readable copy; erasure runs in the opposite order, so the person goes last.
    order: int = 100


_sections: dict[str, Section] = {}


def personal_data_register(section: Section) -> None:
    _sections[section.key] = section


def personal_data_sections() -> list[Section]:
    return sorted(_sections.values(), key=lambda section: (section.order, section.key))


def personal_data_collect(customer: Customer) -> dict[str, Any]:
    """Every section that holds something, by key: the customer's own copy."""
    data = {section.key: section.collect(customer) for section in personal_data_sections()}
    return {key: value for key, value in data.items() if value}


def erasure_blockers(customer: Customer) -> list[ErasureBlocker]:
    found: list[ErasureBlocker] = []
    for section in personal_data_sections():
        for blocker in section.blockers(customer) if section.blockers else []:
            if blocker.code not in {b.code for b in found}:
                found.append(blocker)
    return found


def personal_data_erase(customer: Customer) -> dict[str, int]:
    """Erase or anonymise every section, the person last; rows touched per section.

    Call inside a transaction after `erasure_blockers` found nothing. Stored files are deleted
    on commit only, so a rolled-back (dry) run leaves every file in place.
    """
    counts: dict[str, int] = {}
    for section in reversed(personal_data_sections()):
        if section.erase is not None:
            counts[section.key] = section.erase(customer)
    return counts


def _key(name: str) -> str:
    return name.upper()


def _item_key(key: str) -> str:
    return key[:-1] if key.endswith("S") and len(key) > 1 else f"{key}_ITEM"


def _value(value: Any) -> Any:
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def as_tree(key: str, value: Any) -> dict[str, Any]:
    """The key / children / value tree of Helsinki's profile GDPR API."""
    node_key = _key(key)
    if isinstance(value, dict):
        return {"key": node_key, "children": [as_tree(k, v) for k, v in value.items()]}
    if isinstance(value, list | tuple):
        item = _item_key(node_key)
        return {"key": node_key, "children": [as_tree(item, v) for v in value]}
    return {"key": node_key, "value": _value(value)}
