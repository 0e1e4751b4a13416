"""Question types for typed answers: text, numbers, dates, e-mail, phone, address, name."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from asiointi.eforms.definition import Question
from asiointi.eforms.question_base import Invalid, QuestionType, Raw
from asiointi.plain_text import trimmed


class ShortText(QuestionType):
    name = "text"

    def clean(self, question: Question, raw: Raw) -> Any:
        if len(raw["value"]) > self.max_length(question):
            raise Invalid(
                _("Use at most %(count)s characters.") % {"count": self.max_length(question)}
            )
        return raw["value"]


class LongText(ShortText):
    name = "textarea"
    template = "textarea"
    multiline = True

    def max_length(self, question: Question) -> int:
        return int(question.settings.get("max_length", 4000))

    def raw_from_post(self, data: Any, name: str) -> Raw:
        # Line breaks are part of the answer; only the ends are trimmed.
        return {"value": trimmed(str(data.get(name, "")))[:20000]}


class Number(QuestionType):
    name = "number"
    template = "number"
    empty_message = _("Enter a number.")
    invalid_message = _("Enter a number, like 12 or 12,5.")
    input_type = "text"

    def clean(self, question: Question, raw: Raw) -> Any:
        text = raw["value"].replace(" ", "").replace("\u00a0", "").replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise Invalid(self.invalid_message) from None
        if not number.is_finite():
            raise Invalid(self.invalid_message)
        settings = question.settings
        if settings.get("integer") and number != number.to_integral_value():
            raise Invalid(_("Enter a whole number."))
        low, high = settings.get("min"), settings.get("max")
        if (low is not None and number < Decimal(str(low))) or (
            high is not None and number > Decimal(str(high))
        ):
            raise Invalid(
                _("Enter a number from %(min)s to %(max)s.")
                % {"min": _plain(low), "max": _plain(high)}
            )
        return int(number) if settings.get("integer") else float(number)

    def to_raw(self, question: Question, value: Any) -> Raw:
        return {"value": "" if value is None else _plain(value)}

    def schema(self, question: Question) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "type": "integer" if question.settings.get("integer") else "number"
        }
        if question.settings.get("min") is not None:
            schema["minimum"] = question.settings["min"]
        if question.settings.get("max") is not None:
            schema["maximum"] = question.settings["max"]
        return schema

    def display(self, question: Question, value: Any) -> str:
        unit = question.settings.get("unit")
        text = _plain(value)
        if isinstance(unit, dict):
            from asiointi.eforms.definition import Text

            return f"{text} {Text(unit)}"
        return text

    def settings_problems(self, question: Question) -> list[str]:
        low, high = question.settings.get("min"), question.settings.get("max")
        if low is not None and high is not None and low > high:
            return [
                str(
                    _("Question %(key)s: the smallest number is above the largest.")
                    % {"key": question.key}
                )
            ]
        return []


def _plain(value: Any) -> str:
    """A number as the current language writes it: 12,5 in Finnish and Swedish, 12.5 in English;
    no grouping, so it reads back the same when typed into the field again."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return formats.number_format(Decimal(str(value)), use_l10n=True)


class DateType(QuestionType):
    name = "date"
    template = "date"
    fields = ("day", "month", "year")
    group = True
    empty_message = _("Enter a date.")

    def clean(self, question: Question, raw: Raw) -> Any:
        try:
            day, month, year = (int(raw[field]) for field in self.fields)
            date = datetime.date(year, month, day)
        except (ValueError, TypeError):
            raise Invalid(
                _("Enter a real date, like %(example)s.") % {"example": self.example(question)}
            ) from None
        if not 1900 <= year <= 2200:
            raise Invalid(_("Enter the year with four digits."))
        today = timezone.localdate()
        if question.settings.get("past") and date > today:
            raise Invalid(_("The date must be today or in the past."))
        if question.settings.get("future") and date < today:
            raise Invalid(_("The date must be today or in the future."))
        return date.isoformat()

    @staticmethod
    def example_date(question: Question) -> datetime.date:
        """A date the question accepts, so the example never contradicts the rule: a month ahead
        for a future date, thirty years back for a past one (a birth date), else today."""
        today = timezone.localdate()
        if question.settings.get("future"):
            return today + datetime.timedelta(days=30)
        if question.settings.get("past"):
            return today.replace(year=today.year - 30, day=min(today.day, 28))
        return today

    def example(self, question: Question) -> str:
        date = self.example_date(question)
        return f"{date.day} {date.month} {date.year}"

    def hint_extra(self, question: Question) -> str:
        return str(_("For example %(example)s") % {"example": self.example(question)})

    def to_raw(self, question: Question, value: Any) -> Raw:
        if not value:
            return dict.fromkeys(self.fields, "")
        date = datetime.date.fromisoformat(value)
        return {"day": str(date.day), "month": str(date.month), "year": str(date.year)}

    def schema(self, question: Question) -> dict[str, Any]:
        return {"type": "string", "format": "date"}

    def display(self, question: Question, value: Any) -> str:
        return formats.date_format(datetime.date.fromisoformat(value), "DATE_FORMAT")


class Email(QuestionType):
    name = "email"
    input_type = "email"
    autocomplete = "email"
    spellcheck = False
    invalid_message = _("Enter an e-mail address in the form name@example.fi.")

    def clean(self, question: Question, raw: Raw) -> Any:
        try:
            validate_email(raw["value"])
        except ValidationError:
            raise Invalid(self.invalid_message) from None
        return raw["value"]

    def schema(self, question: Question) -> dict[str, Any]:
        return {"type": "string", "format": "email", "maxLength": 254}


class Phone(QuestionType):
    name = "phone"
    input_type = "tel"
    autocomplete = "tel"
    spellcheck = False
    invalid_message = _("Enter a phone number, like 040 123 4567 or +358 40 123 4567.")

    def clean(self, question: Question, raw: Raw) -> Any:
        try:
            number = phonenumbers.parse(raw["value"], "FI")
        except phonenumbers.NumberParseException:
            raise Invalid(self.invalid_message) from None
        if not phonenumbers.is_valid_number(number):
            raise Invalid(self.invalid_message)
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    def schema(self, question: Question) -> dict[str, Any]:
        return {"type": "string", "pattern": r"^\+[1-9][0-9]{6,14}$"}

    def display(self, question: Question, value: Any) -> str:
        number = phonenumbers.parse(value, "FI")
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


class Parts(QuestionType):
    """A question answered in several text inputs (address, name): all of them needed."""

    group = True
    part_length: ClassVar[int] = 200
    patterns: ClassVar[dict[str, str]] = {}  # a part's pattern, beyond being non-empty

    def clean(self, question: Question, raw: Raw) -> Any:
        if not all(raw[field] for field in self.fields):
            raise Invalid(self.invalid_message)
        if any(len(raw[field]) > self.part_length for field in self.fields):
            raise Invalid(_("Use at most %(count)s characters.") % {"count": self.part_length})
        return {field: raw[field] for field in self.fields}

    def to_raw(self, question: Question, value: Any) -> Raw:
        return {field: (value or {}).get(field, "") for field in self.fields}

    def schema(self, question: Question) -> dict[str, Any]:
        text = {"type": "string", "minLength": 1, "maxLength": self.part_length}
        return {
            "type": "object",
            "properties": {
                field: {"type": "string", "pattern": self.patterns[field]}
                if field in self.patterns
                else text
                for field in self.fields
            },
            "required": list(self.fields),
            "additionalProperties": False,
        }


class Address(Parts):
    name = "address"
    template = "address"
    fields = ("street", "postal_code", "post_office")
    patterns = {"postal_code": "^[0-9]{5}$"}
    empty_message = _("Enter the address.")
    invalid_message = _(
        "Enter the street address, a postal code of five digits and the post office."
    )

    def clean(self, question: Question, raw: Raw) -> Any:
        value = super().clean(question, raw)
        if not re.fullmatch(r"[0-9]{5}", raw["postal_code"]):
            raise Invalid(_("Enter the postal code as five digits, like 00100."))
        return value

    def display(self, question: Question, value: Any) -> str:
        return f"{value['street']}, {value['postal_code']} {value['post_office']}"


class Name(Parts):
    name = "name"
    template = "name"
    fields = ("given", "family")
    part_length = 100
    spellcheck = False
    empty_message = _("Enter the first name and the last name.")
    invalid_message = empty_message

    def display(self, question: Question, value: Any) -> str:
        return f"{value['given']} {value['family']}"
