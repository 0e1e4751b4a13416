"""The kinds of things a folder lists, each registered by the app that owns it in its
`AppConfig.ready()`: its name, its statuses' names and where an item of it opens. A folder row
stores only the kind, the owner's key and what the folder filters, searches and sorts by; the
address and the labels are made when the row is shown, in the reader's language."""

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.functional import Promise

if TYPE_CHECKING:
    from asiointi.folder.models import FolderItem

# The owner's keys of some items of its kind -> each one's address. Given all the keys of a page
# at once, so an owner that must look something up does it in one query.
Addresses = Callable[[Sequence[str]], Mapping[str, str]]
_PLAIN_KEY = re.compile(r"[A-Za-z0-9-]+")


@dataclass(frozen=True)
class ItemKind:
    label: Promise | str
    status_labels: Mapping[str, Promise | str]
    addresses: Addresses


_kinds: dict[str, ItemKind] = {}


def item_kind_register(
    kind: str,
    *,
    label: Promise | str,
    status_labels: Mapping[str, Promise | str],
    addresses: Addresses,
) -> None:
    _kinds[kind] = ItemKind(label=label, status_labels=status_labels, addresses=addresses)


def addresses_by_url_name(url_name: str) -> Addresses:
    """The usual case: the item opens at `url_name` with its key as the one argument.

    A page lists dozens of items and a `reverse()` is a good part of a row's cost, so the address
    is made once and the other keys put in its place (keys are ids and references, which need no
    quoting; anything else is reversed on its own)."""

    def addresses(keys: Sequence[str]) -> Mapping[str, str]:
        if not keys:
            return {}
        sample_key = str(keys[0])
        sample = reverse(url_name, args=[sample_key])
        if not _PLAIN_KEY.fullmatch(sample_key) or sample.count(sample_key) != 1:
            return {key: reverse(url_name, args=[key]) for key in keys}
        head, tail = sample.split(sample_key)
        return {
            key: f"{head}{key}{tail}"
            if _PLAIN_KEY.fullmatch(str(key))
            else reverse(url_name, args=[key])
            for key in keys
        }

    return addresses


def item_kind(kind: str) -> ItemKind:
    return _kinds[kind]


def item_kinds() -> list[tuple[str, Promise | str]]:
    """Every registered kind with its name, for the folder's kind filter."""
    return [(kind, registered.label) for kind, registered in _kinds.items()]


def status_label(kind: str, status: str) -> str:
    registered = _kinds.get(kind)
    label = registered.status_labels.get(status, "") if registered else ""
    return str(label)


def items_addressed(items: Iterable["FolderItem"]) -> None:
    """Give each item its address (`item.address`), one call of its owner per kind."""
    by_kind: dict[str, list[FolderItem]] = {}
    for item in items:
        by_kind.setdefault(item.kind, []).append(item)
    for kind, listed in by_kind.items():
        found = item_kind(kind).addresses([item.key for item in listed])
        for item in listed:
            item.address = found[item.key]
