"""Answers as a person reads them back: on the check page, the submission's page and the PDF."""

from dataclasses import dataclass, field
from typing import Any

from asiointi.eforms.definition import Definition, Page
from asiointi.eforms.pages import question_input_id
from asiointi.eforms.question_types import question_type
from asiointi.eforms.routing import shown, walk


@dataclass
class Row:
    key: str
    label: str
    value: str  # empty when not answered
    anchor: str  # the first input's id, where "Change" takes focus; empty: cannot be changed


@dataclass
class Group:
    label: str  # "Child 2" on a repeating page, else empty
    rows: list[Row] = field(default_factory=list)


@dataclass
class Section:
    page: Page
    groups: list[Group]


def answers_summary(
    definition: Definition, answers: dict[str, Any], *, declarations: bool = True
) -> list[Section]:
    """Every shown page's answers. Without `declarations` (the check page, which states the
    declaration once, beside "Send"), declaration questions and pages left empty are left out."""
    sections = []
    for page in walk(definition, answers).pages:
        if page.repeat is None:
            groups = [Group("", _rows(page, answers, answers, None))]
        else:
            items = [item for item in answers.get(page.key) or [] if isinstance(item, dict)]
            groups = [
                Group(
                    f"{page.repeat.item_label} {index + 1}",
                    _rows(page, {**answers, **item}, item, index),
                )
                for index, item in enumerate(items or [{}])
            ]
        if not declarations:
            for group in groups:
                group.rows = [row for row in group.rows if row.key not in _declaration_keys(page)]
            groups = [group for group in groups if group.rows]
            if not groups:
                continue
        sections.append(Section(page, groups))
    return sections


def declaration_texts(definition: Definition, answers: dict[str, Any]) -> list[str]:
    """What the person declares by sending: the form's declaration, else its declaration
    questions' own words."""
    if str(definition.declaration):
        return [str(definition.declaration)]
    return [
        str(question.label)
        for page in walk(definition, answers).pages
        for question in page.questions
        if question.key in _declaration_keys(page) and shown(question, answers)
    ]


def _declaration_keys(page: Page) -> set[str]:
    return {q.key for q in page.questions if question_type(q).template == "declaration"}


def _rows(
    page: Page, context: dict[str, Any], source: dict[str, Any], item: int | None
) -> list[Row]:
    rows = []
    for question in page.questions:
        kind = question_type(question)
        if not kind.has_answer or not shown(question, context):
            continue
        value = source.get(question.key)
        try:
            text = "" if value is None else kind.display(question, value)
        except (TypeError, ValueError, KeyError, AttributeError):
            text = ""
        # A prefilled answer that cannot be edited gets no "Change" link.
        locked = bool(question.prefill) and not question.editable
        anchor = "" if locked else question_input_id(page, question, item)
        rows.append(Row(question.key, str(question.label), text, anchor))
    return rows
