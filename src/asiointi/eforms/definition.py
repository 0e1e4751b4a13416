"""The form definition document: pages, questions, routing, texts in fi/sv/en.

A document is plain JSON (stored on FormVersion, written by hand as TOML for the demo forms). This
module reads it into small frozen objects and says what is wrong with it; `schema.py` turns it
into the JSON Schema its answers are validated against; `routing.py` walks it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils import translation
from django.utils.translation import gettext_lazy as _

LANGUAGES = ("fi", "sv", "en")
END = "end"  # a route target: straight to the check-your-answers page
EXIT_PREFIX = "exit:"  # a route target: an exit page ("you are not eligible")


class DefinitionError(Exception):
    """A definition that cannot be published; `problems` name each fault, translated."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Text:
    """A text in every language; str() gives the active language, Finnish when it is missing."""

    values: dict[str, str]

    def __str__(self) -> str:
        language = translation.get_language() or "fi"
        return self.values.get(language[:2]) or self.values.get("fi", "")

    def __bool__(self) -> bool:
        return any(self.values.values())

    def complete(self) -> bool:
        return all(self.values.get(language, "").strip() for language in LANGUAGES)


@dataclass(frozen=True)
class Condition:
    """True when the answer to `question` equals `equals` (or is one of `one_of`)."""

    question: str
    values: tuple[Any, ...]

    def holds(self, answers: dict[str, Any]) -> bool:
        answer = answers.get(self.question)
        if isinstance(answer, list):
            return any(value in answer for value in self.values)
        return answer in self.values


@dataclass(frozen=True)
class Route:
    when: Condition
    goto: str  # a later page's key, END or "exit:<key>"


@dataclass(frozen=True)
class Option:
    value: str
    label: Text


@dataclass(frozen=True)
class Question:
    key: str
    type: str
    label: Text
    hint: Text
    required: bool
    settings: dict[str, Any]
    options: tuple[Option, ...] = ()
    prefill: str = ""
    editable: bool = True
    show_if: Condition | None = None

    def option_label(self, value: Any) -> str:
        for option in self.options:
            if option.value == value:
                return str(option.label)
        return str(value)


@dataclass(frozen=True)
class Repeat:
    """A page whose questions are answered once per item (children, for instance)."""

    min_items: int
    max_items: int
    item_label: Text
    add_label: Text


@dataclass(frozen=True)
class Page:
    key: str
    title: Text
    intro: Text
    questions: tuple[Question, ...]
    show_if: Condition | None = None
    routes: tuple[Route, ...] = ()
    repeat: Repeat | None = None


@dataclass(frozen=True)
class ExitPage:
    key: str
    title: Text
    body: Text


@dataclass(frozen=True)
class Definition:
    title: Text
    pages: tuple[Page, ...]
    exits: dict[str, ExitPage] = field(default_factory=dict)
    declaration: Text = Text({})
    next_steps: Text = Text({})
    draft_retention_days: int = 30
    submission_retention_days: int = 365 * 6

    def page(self, key: str) -> Page | None:
        return next((page for page in self.pages if page.key == key), None)

    def page_index(self, key: str) -> int:
        return next(i for i, page in enumerate(self.pages) if page.key == key)

    def questions(self) -> list[tuple[Page, Question]]:
        return [(page, question) for page in self.pages for question in page.questions]


def text_of(raw: Any) -> Text:
    """A text of the document (a plain string is Finnish) as a Text."""
    return _text(raw)


def _text(raw: Any) -> Text:
    if isinstance(raw, str):
        return Text({"fi": raw})
    if isinstance(raw, dict):
        return Text({k: str(v) for k, v in raw.items() if k in LANGUAGES})
    return Text({})


def _condition(raw: Any, problems: list[str], where: str) -> Condition | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or "question" not in raw:
        problems.append(str(_("%(where)s: a condition needs a question.") % {"where": where}))
        return None
    if "equals" in raw:
        values: tuple[Any, ...] = (raw["equals"],)
    elif isinstance(raw.get("one_of"), list):
        values = tuple(raw["one_of"])
    else:
        problems.append(
            str(_("%(where)s: a condition needs “equals” or “one_of”.") % {"where": where})
        )
        return None
    return Condition(question=str(raw["question"]), values=values)


def parse(document: Any) -> Definition:
    """The definition, or DefinitionError naming every problem found."""
    definition, problems = definition_read(document)
    if problems or definition is None:
        raise DefinitionError(problems)
    return definition


def definition_read(document: Any) -> tuple[Definition | None, list[str]]:
    """The definition as far as it can be read, and every problem found: a form editor previews
    a definition whose Swedish texts are still missing."""
    from asiointi.eforms.checks import definition_problems  # checks needs these classes

    problems: list[str] = []
    if not isinstance(document, dict) or not isinstance(document.get("pages"), list):
        return None, [str(_("The definition has no list of pages."))]
    pages = tuple(
        _page(raw, index, problems) for index, raw in enumerate(document["pages"], start=1)
    )
    exits = {
        str(key): ExitPage(key=str(key), title=_text(raw.get("title")), body=_text(raw.get("body")))
        for key, raw in (document.get("exits") or {}).items()
        if isinstance(raw, dict)
    }
    definition = Definition(
        title=_text(document.get("title")),
        pages=pages,
        exits=exits,
        declaration=_text(document.get("declaration")),
        next_steps=_text(document.get("next_steps")),
        draft_retention_days=_positive(document, "draft_retention_days", 30, problems),
        submission_retention_days=_positive(document, "submission_retention_days", 2190, problems),
    )
    problems += definition_problems(definition)
    return definition, problems


def _positive(document: dict[str, Any], name: str, default: int, problems: list[str]) -> int:
    value = document.get(name, default)
    if not isinstance(value, int) or value < 1:
        problems.append(str(_("%(name)s must be a whole number of days.") % {"name": name}))
        return default
    return value


def _page(raw: Any, index: int, problems: list[str]) -> Page:
    if not isinstance(raw, dict):
        problems.append(str(_("Page %(index)s is not a table of settings.") % {"index": index}))
        return Page(key=f"page-{index}", title=Text({}), intro=Text({}), questions=())
    key = str(raw.get("key") or f"page-{index}")
    where = str(_("Page %(key)s") % {"key": key})
    routes = []
    for route in raw.get("routes") or []:
        condition = _condition(
            route.get("if") if isinstance(route, dict) else None, problems, where
        )
        if condition is not None:
            routes.append(Route(when=condition, goto=str(route.get("goto", ""))))
    repeat = None
    if isinstance(raw.get("repeat"), dict):
        spec = raw["repeat"]
        repeat = Repeat(
            min_items=int(spec.get("min", 1)),
            max_items=int(spec.get("max", 10)),
            item_label=_text(spec.get("item_label")),
            add_label=_text(spec.get("add_label")),
        )
    return Page(
        key=key,
        title=_text(raw.get("title")),
        intro=_text(raw.get("intro")),
        questions=tuple(_question(q, key, problems) for q in raw.get("questions") or []),
        show_if=_condition(raw.get("show_if"), problems, where),
        routes=tuple(routes),
        repeat=repeat,
    )


def _question(raw: Any, page_key: str, problems: list[str]) -> Question:
    if not isinstance(raw, dict):
        problems.append(
            str(_("Page %(key)s has a question that is not a table.") % {"key": page_key})
        )
        raw = {}
    key = str(raw.get("key", ""))
    where = str(_("Question %(key)s") % {"key": key or "?"})
    options = tuple(
        Option(value=str(option.get("value", "")), label=_text(option.get("label")))
        for option in raw.get("options") or []
        if isinstance(option, dict)
    )
    return Question(
        key=key,
        type=str(raw.get("type", "")),
        label=_text(raw.get("label")),
        hint=_text(raw.get("hint")),
        required=bool(raw.get("required", True)),
        settings=dict(raw.get("settings") or {}),
        options=options,
        prefill=str(raw.get("prefill", "")),
        editable=bool(raw.get("editable", True)),
        show_if=_condition(raw.get("show_if"), problems, where),
    )
