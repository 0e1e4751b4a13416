"""Changes to a form's definition document (the JSON `eforms.definition` reads), one per edit.

Each function takes the document and returns a changed copy; none checks the whole form, which
`eforms.checks` does when the draft is shown and again when it is published. A key the
document does not have raises KeyError, which the views answer with 404.
"""

import copy
import re
from typing import Any

from asiointi.eforms.definition import LANGUAGES

Document = dict[str, Any]


def document_empty(title: dict[str, str]) -> Document:
    return {"title": title, "pages": [], "draft_retention_days": 30}


def _copy(document: Document) -> Document:
    changed = copy.deepcopy(document)
    changed.setdefault("pages", [])
    return changed


def page_index(document: Document, key: str) -> int:
    for index, page in enumerate(document.get("pages") or []):
        if isinstance(page, dict) and page.get("key") == key:
            return index
    raise KeyError(key)


def page_of(document: Document, key: str) -> dict[str, Any]:
    return dict(document["pages"][page_index(document, key)])


def question_of(document: Document, page_key: str, key: str) -> dict[str, Any]:
    page = page_of(document, page_key)
    for question in page.get("questions") or []:
        if question.get("key") == key:
            return dict(question)
    raise KeyError(key)


def used_keys(document: Document) -> set[str]:
    keys = set()
    for page in document.get("pages") or []:
        keys.add(str(page.get("key")))
        keys.update(str(q.get("key")) for q in page.get("questions") or [])
    return keys


def key_free(document: Document, wanted: str, stem: str) -> str:
    """`wanted` if it is a free key, else the first free `stem_N`: keys name the answers in
    what the agency's systems receive, so they are never changed behind the manager's back."""
    taken = used_keys(document)
    if wanted and wanted not in taken:
        return wanted
    number = 1
    while f"{stem}_{number}" in taken:
        number += 1
    return f"{stem}_{number}"


def key_from_text(text: str, stem: str) -> str:
    """A key suggested from a Finnish title: letters a-z, digits and _."""
    plain = text.lower().translate(str.maketrans("äöåé", "aoae"))
    key = re.sub(r"[^a-z0-9]+", "_", plain).strip("_")[:40]
    return key if re.match(r"^[a-z]", key) else stem


def page_add(document: Document, *, key: str, values: dict[str, Any]) -> Document:
    changed = _copy(document)
    changed["pages"].append({"key": key, **values, "questions": []})
    return changed


def page_update(document: Document, *, key: str, values: dict[str, Any]) -> Document:
    changed = _copy(document)
    index = page_index(changed, key)
    page = changed["pages"][index]
    for name, value in values.items():
        if value in (None, {}, []):
            page.pop(name, None)
        else:
            page[name] = value
    return changed


def page_move(document: Document, *, key: str, step: int) -> Document:
    changed = _copy(document)
    index = page_index(changed, key)
    target = index + step
    if 0 <= target < len(changed["pages"]):
        pages = changed["pages"]
        pages[index], pages[target] = pages[target], pages[index]
    return changed


def page_delete(document: Document, *, key: str) -> Document:
    changed = _copy(document)
    del changed["pages"][page_index(changed, key)]
    return changed


def question_add(document: Document, *, page_key: str, question: dict[str, Any]) -> Document:
    changed = _copy(document)
    page = changed["pages"][page_index(changed, page_key)]
    page.setdefault("questions", []).append(question)
    return changed


def _questions(document: Document, page_key: str) -> list[dict[str, Any]]:
    page = document["pages"][page_index(document, page_key)]
    questions: list[dict[str, Any]] = page.setdefault("questions", [])
    return questions


def _question_index(questions: list[dict[str, Any]], key: str) -> int:
    for index, question in enumerate(questions):
        if question.get("key") == key:
            return index
    raise KeyError(key)


def question_update(
    document: Document, *, page_key: str, key: str, question: dict[str, Any]
) -> Document:
    changed = _copy(document)
    questions = _questions(changed, page_key)
    questions[_question_index(questions, key)] = question
    return changed


def question_move(document: Document, *, page_key: str, key: str, step: int) -> Document:
    changed = _copy(document)
    questions = _questions(changed, page_key)
    index = _question_index(questions, key)
    target = index + step
    if 0 <= target < len(questions):
        questions[index], questions[target] = questions[target], questions[index]
    return changed


def question_delete(document: Document, *, page_key: str, key: str) -> Document:
    changed = _copy(document)
    questions = _questions(changed, page_key)
    del questions[_question_index(questions, key)]
    return changed


def route_add(document: Document, *, page_key: str, route: dict[str, Any]) -> Document:
    changed = _copy(document)
    page = changed["pages"][page_index(changed, page_key)]
    page.setdefault("routes", []).append(route)
    return changed


def route_delete(document: Document, *, page_key: str, index: int) -> Document:
    changed = _copy(document)
    page = changed["pages"][page_index(changed, page_key)]
    routes = page.get("routes") or []
    if not 0 <= index < len(routes):
        raise KeyError(index)
    del routes[index]
    if not routes:
        page.pop("routes", None)
    return changed


def exit_set(document: Document, *, key: str, values: dict[str, Any]) -> Document:
    changed = _copy(document)
    changed.setdefault("exits", {})[key] = values
    return changed


def exit_delete(document: Document, *, key: str) -> Document:
    changed = _copy(document)
    del changed.setdefault("exits", {})[key]
    return changed


def texts_update(document: Document, *, values: dict[str, Any]) -> Document:
    changed = _copy(document)
    for name, value in values.items():
        if value in (None, {}):
            changed.pop(name, None)
        else:
            changed[name] = value
    return changed


def missing_languages(text: Any) -> list[str]:
    """The languages a text of the document has nothing in (a plain string is Finnish)."""
    if isinstance(text, str):
        text = {"fi": text}
    if not isinstance(text, dict):
        text = {}
    return [language for language in LANGUAGES if not str(text.get(language, "")).strip()]
