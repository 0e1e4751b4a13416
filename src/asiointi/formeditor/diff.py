"""The differences between two definitions, as lines a manager can read: each text, setting
and option by where it is: page, question, setting, language."""

import difflib
import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Line:
    sign: str  # "-" only in the older, "+" only in the newer
    where: str
    value: str


def flattened(document: Any) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = []
    _flatten(document, "", lines)
    return lines


def _flatten(value: Any, where: str, lines: list[tuple[str, str]]) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            _flatten(inner, f"{where} › {key}" if where else str(key), lines)
    elif isinstance(value, list) and all(isinstance(i, dict) and "key" in i for i in value):
        for item in value:
            _flatten(item, f"{where} › {item['key']}" if where else str(item["key"]), lines)
    elif isinstance(value, list) and all(isinstance(i, dict) and "value" in i for i in value):
        for item in value:
            _flatten(item, f"{where} › {item['value']}", lines)
    else:
        lines.append((where, json.dumps(value, ensure_ascii=False)))


def differences(older: Any, newer: Any) -> list[Line]:
    before = [f"{where}\t{value}" for where, value in flattened(older)]
    after = [f"{where}\t{value}" for where, value in flattened(newer)]
    changed = []
    for line in difflib.unified_diff(before, after, lineterm="", n=0):
        if line.startswith(("---", "+++", "@@")):
            continue
        where, _tab, value = line[1:].partition("\t")
        changed.append(Line(line[0], where, value))
    return changed
