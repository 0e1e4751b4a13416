"""Question types: what each one accepts from a page, its answer's JSON Schema, and how it reads.

A type turns the raw strings a page posted (`Raw`: sub-field name -> text, or a list for checkboxes)
into the answer kept in the draft, or raises `Invalid` with a message in the person's language. The
raw strings are what the page shows again after an error, so nothing typed is lost.

This module holds what every type shares; the types are in `question_types_typed` (text, numbers,
dates, contacts, addresses) and `question_types_chosen` (choices, codes, declarations), and
`question_types` lists them by name.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from asiointi.eforms.definition import Question
from asiointi.plain_text import plain_text_problem, trimmed

Raw = dict[str, Any]


class Invalid(Exception):
    def __init__(self, message: str | Promise) -> None:
        super().__init__(str(message))
        self.message = message


HETU_PATTERN = r"^[0-9]{6}[-+A-FU-Y][0-9]{3}[0-9A-Y]$"


class QuestionType:
    name: ClassVar[str]
    template: ClassVar[str] = "text"
    fields: ClassVar[tuple[str, ...]] = ("value",)
    group: ClassVar[bool] = False  # several inputs: rendered in a fieldset with a legend
    has_answer: ClassVar[bool] = True
    empty_message: ClassVar[Promise] = _("Answer this question.")
    invalid_message: ClassVar[Promise] = _("Check this answer.")
    autocomplete: ClassVar[str] = ""
    input_type: ClassVar[str] = "text"
    spellcheck: ClassVar[bool] = True
    multiline: ClassVar[bool] = False  # line breaks and tabs belong to the answer

    def raw_from_post(self, data: Any, name: str) -> Raw:
        return {
            field: trimmed(str(data.get(self.input_name(name, field), "")))[:5000]
            for field in self.fields
        }

    @staticmethod
    def input_name(name: str, field: str) -> str:
        return name if field == "value" else f"{name}-{field}"

    def is_empty(self, raw: Raw) -> bool:
        return not any(raw.get(field) for field in self.fields)

    def parse(self, question: Question, raw: Raw) -> Any:
        """The answer, None when nothing was given, or Invalid."""
        if self.is_empty(raw):
            if question.required:
                raise Invalid(self.empty_message)
            return None
        # Every typed string of every type, before its own checks: one rule, one message.
        for field in self.fields:
            typed = raw.get(field)
            texts = typed if isinstance(typed, list) else [typed]
            for text in texts:
                problem = isinstance(text, str) and plain_text_problem(
                    text, multiline=self.multiline
                )
                if problem:
                    raise Invalid(problem)
        return self.clean(question, raw)

    def clean(self, question: Question, raw: Raw) -> Any:
        return raw["value"]

    def to_raw(self, question: Question, value: Any) -> Raw:
        return {"value": "" if value is None else str(value)}

    def schema(self, question: Question) -> dict[str, Any]:
        return {"type": "string", "minLength": 1, "maxLength": self.max_length(question)}

    def max_length(self, question: Question) -> int:
        return int(question.settings.get("max_length", 200))

    def display(self, question: Question, value: Any) -> str:
        return str(value)

    def settings_problems(self, question: Question) -> list[str]:
        return []

    def hint_extra(self, question: Question) -> str:
        """Help the type itself gives under the question's own hint (a date's example)."""
        return ""
