"""Two people editing the same page: the second save must not silently overwrite the first.

An edit page carries the version of what it showed (a digest of the edited fields' stored values)
in a hidden field; the service compares it with the row it locked and refuses a stale save. A
digest rather than `updated_at`: a course has no such column, and a service's changes on every
"Siirry palveluun" press would make every edit look stale.
"""

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any


class ChangedMeanwhile(Exception):
    """Someone saved the thing after the editor opened it; `current` is the stored row."""

    def __init__(self, current: Any) -> None:
        super().__init__("changed meanwhile")
        self.current = current


def _plain(value: object) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return "" if value is None else str(value)


def edit_version(obj: object, fields: Iterable[str], extra: Iterable[object] = ()) -> str:
    values = [_plain(getattr(obj, name)) for name in fields] + [_plain(item) for item in extra]
    return hashlib.sha256(json.dumps(values).encode()).hexdigest()[:32]


def differs(stored: object, typed: object) -> bool:
    """Whether an edit changes a value; an empty translation is stored as NULL or as "", and
    times are edited to the minute."""
    if isinstance(stored, datetime) and isinstance(typed, datetime):
        return stored.replace(second=0, microsecond=0) != typed.replace(second=0, microsecond=0)
    return (stored if stored is not None else "") != (typed if typed is not None else "")
