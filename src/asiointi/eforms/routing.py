"""Which pages a person goes through, given their answers so far.

Routing looks only at answers to earlier pages (checks.py refuses anything else), so walking the
definition with incomplete answers gives the same path up to the page the person is on.
"""

from dataclasses import dataclass
from typing import Any

from asiointi.eforms.definition import END, EXIT_PREFIX, Definition, ExitPage, Page, Question


@dataclass(frozen=True)
class Walk:
    pages: list[Page]
    exit: ExitPage | None  # the person is not eligible: the walk ends on this page

    def page_keys(self) -> list[str]:
        return [page.key for page in self.pages]

    def after(self, key: str) -> Page | None:
        """The page after this one, or None when the next stop is the check page or the exit."""
        keys = self.page_keys()
        if key not in keys:
            return self.pages[0] if self.pages else None
        index = keys.index(key)
        return self.pages[index + 1] if index + 1 < len(keys) else None

    def before(self, key: str) -> Page | None:
        keys = self.page_keys()
        index = keys.index(key) if key in keys else 0
        return self.pages[index - 1] if index > 0 else None


def walk(definition: Definition, answers: dict[str, Any]) -> Walk:
    pages: list[Page] = []
    index = 0
    while index < len(definition.pages):
        page = definition.pages[index]
        if page.show_if is not None and not page.show_if.holds(answers):
            index += 1
            continue
        pages.append(page)
        target = next((route.goto for route in page.routes if route.when.holds(answers)), None)
        if target is None:
            index += 1
        elif target == END:
            break
        elif target.startswith(EXIT_PREFIX):
            return Walk(pages, definition.exits[target.removeprefix(EXIT_PREFIX)])
        else:
            index = definition.page_index(target)
    return Walk(pages, None)


def shown(question: Question, answers: dict[str, Any]) -> bool:
    return question.show_if is None or question.show_if.holds(answers)


def answers_on_path(definition: Definition, answers: dict[str, Any]) -> dict[str, Any]:
    """Only the answers to questions the person was actually asked: the rest are dropped before
    validation and sending, so an answer left behind on a skipped page goes nowhere."""
    kept: dict[str, Any] = {}
    for page in walk(definition, answers).pages:
        if page.repeat is not None:
            items = answers.get(page.key)
            if isinstance(items, list):
                kept[page.key] = [
                    _kept_questions(page, {**answers, **item}, item)
                    for item in items
                    if isinstance(item, dict)
                ]
            continue
        kept.update(_kept_questions(page, answers, answers))
    return kept


def _kept_questions(page: Page, context: dict[str, Any], source: dict[str, Any]) -> dict[str, Any]:
    return {
        question.key: source[question.key]
        for question in page.questions
        if question.key in source and source[question.key] is not None and shown(question, context)
    }
