"""Small definition documents for the unit tests."""

from typing import Any

T = {"fi": "Teksti", "sv": "Text", "en": "Text"}


def question(key: str, kind: str, **more: Any) -> dict[str, Any]:
    return {"key": key, "type": kind, "label": T, **more}


OPTIONS = [{"value": "a", "label": T}, {"value": "b", "label": T}]


def document(*pages: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {"title": T, "pages": list(pages), **more}


def page(key: str, *questions: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {"key": key, "title": T, "questions": list(questions), **more}
