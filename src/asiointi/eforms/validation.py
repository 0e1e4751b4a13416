"""Whole-form validation before sending: along the person's own path, then against the schema.

Each problem names the page and question it belongs to, so the check page can link to it.
"""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from asiointi.eforms.definition import Definition, Page
from asiointi.eforms.pages import question_input_id, unchecked_of
from asiointi.eforms.question_types import TYPES, Invalid, Raw, question_type
from asiointi.eforms.routing import answers_on_path, shown, walk
from asiointi.eforms.schema import validator


@dataclass(frozen=True)
class Problem:
    page_key: str
    question_key: str
    label: str
    message: str
    anchor: str = ""  # the first input's id on the page, where the link takes focus


def answers_problems(
    definition: Definition, schema: dict[str, Any], answers: dict[str, Any]
) -> list[Problem]:
    kept = answers_on_path(definition, answers)
    route = walk(definition, answers)
    problems: list[Problem] = []
    for page in route.pages:
        typed = unchecked_of(answers, page.key)
        items = (kept.get(page.key) or [{}]) if page.repeat is not None else [kept]
        for index, item in enumerate(items):
            number = index if page.repeat is not None else None
            problems += _page_problems(page, {**kept, **item}, item, typed, number)
    if not problems:
        problems += _schema_problems(definition, schema, kept)
    if route.exit is not None and route.pages:
        problems.append(
            Problem(
                route.pages[-1].key, "", str(route.exit.title), str(_("You cannot send this form."))
            )
        )
    return problems


def _page_problems(
    page: Page,
    context: dict[str, Any],
    source: dict[str, Any],
    typed: dict[str, Raw],
    item: int | None,
) -> list[Problem]:
    """Each answer checked as when it was given; an answer saved unchecked ("Save and continue
    later") is checked as it was typed, so the problem says what is wrong with it."""
    problems = []
    for question in page.questions:
        kind = question_type(question)
        if not kind.has_answer or not shown(question, context):
            continue
        value = source.get(question.key)
        typed_name = question.key if item is None else f"{page.key}-{item}-{question.key}"
        try:
            if value is None and typed_name in typed:
                kind.parse(question, typed[typed_name])
            if value is None:
                if question.required:
                    raise Invalid(kind.empty_message)
                continue
            # Checked again as when it was given: a date "in the future" may have passed since.
            kind.parse(question, kind.to_raw(question, value))
        except Invalid as invalid:
            message = str(invalid.message)
        except (TypeError, ValueError, KeyError, AttributeError):
            message = str(kind.invalid_message)
        else:
            continue
        anchor = question_input_id(page, question, item)
        problems.append(Problem(page.key, question.key, str(question.label), message, anchor))
    return problems


def _schema_problems(
    definition: Definition, schema: dict[str, Any], kept: dict[str, Any]
) -> list[Problem]:
    where = {q.key: (page, q) for page, q in definition.questions()}
    problems = []
    for error in validator(schema).iter_errors(kept):
        path = [str(part) for part in error.absolute_path]
        key = next((part for part in reversed(path) if part in where), "")
        if not key and error.validator == "required":
            key = next((k for k in error.validator_value if k not in error.instance), "")
        page, question = where.get(key, (None, None))
        if page is None or question is None:
            page_key = path[0] if path else definition.pages[0].key
            problems.append(Problem(page_key, "", "", str(_("Check this answer."))))
            continue
        kind = TYPES[question.type]
        message = (
            kind.empty_message
            if error.validator in ("required", "minItems")
            else kind.invalid_message
        )
        problems.append(Problem(page.key, question.key, str(question.label), str(message)))
    return problems
