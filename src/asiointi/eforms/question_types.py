"""Question types: what each one accepts from a page, its answer's JSON Schema, and how it reads.

A type turns the raw strings a page posted (`Raw`: sub-field name -> text, or a list for checkboxes)
into the answer kept in the draft, or raises `Invalid` with a message in the person's language. The
raw strings are what the page shows again after an error, so nothing typed is lost.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from stdnum import iban as stdnum_iban
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.fi import ytunnus

from asiointi.eforms.definition import Question
from asiointi.plain_text import plain_text_problem, trimmed
from asiointi.privacy.identity_codes import identity_code_mask, identity_code_normalise

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


class ChooseOne(QuestionType):
    name = "choice"
    template = "radios"
    group = True
    empty_message = _("Choose one of the options.")
    invalid_message = empty_message

    def clean(self, question: Question, raw: Raw) -> Any:
        if raw["value"] not in {option.value for option in question.options}:
            raise Invalid(self.invalid_message)
        return raw["value"]

    def schema(self, question: Question) -> dict[str, Any]:
        return {"enum": [option.value for option in question.options]}

    def display(self, question: Question, value: Any) -> str:
        return question.option_label(value)

    def settings_problems(self, question: Question) -> list[str]:
        values = [option.value for option in question.options]
        if len(values) < 2 or len(set(values)) != len(values) or "" in values:
            return [
                str(
                    _("Question %(key)s needs at least two options with different values.")
                    % {"key": question.key}
                )
            ]
        return [
            str(
                _(
                    "Question %(key)s: option %(value)s needs a label in Finnish, Swedish and English."  # noqa: E501
                )
                % {"key": question.key, "value": option.value}
            )
            for option in question.options
            if not option.label.complete()
        ]


class ChooseMany(ChooseOne):
    name = "choices"
    template = "checkboxes"
    empty_message = _("Choose at least one option.")
    invalid_message = empty_message

    def raw_from_post(self, data: Any, name: str) -> Raw:
        values = data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
        if not isinstance(values, list):
            values = [values]
        return {"value": [str(value) for value in values][:100]}

    def clean(self, question: Question, raw: Raw) -> Any:
        allowed = [option.value for option in question.options]
        if any(value not in allowed for value in raw["value"]):
            raise Invalid(self.invalid_message)
        return [value for value in allowed if value in raw["value"]]

    def to_raw(self, question: Question, value: Any) -> Raw:
        return {"value": list(value or [])}

    def schema(self, question: Question) -> dict[str, Any]:
        return {
            "type": "array",
            "items": {"enum": [option.value for option in question.options]},
            "uniqueItems": True,
            "minItems": 1,
        }

    def display(self, question: Question, value: Any) -> str:
        return ", ".join(question.option_label(item) for item in value)


class YesNo(QuestionType):
    name = "yesno"
    template = "yesno"
    group = True
    empty_message = _("Choose yes or no.")
    invalid_message = empty_message

    def clean(self, question: Question, raw: Raw) -> Any:
        if raw["value"] not in ("yes", "no"):
            raise Invalid(self.invalid_message)
        return raw["value"] == "yes"

    def to_raw(self, question: Question, value: Any) -> Raw:
        return {"value": "" if value is None else ("yes" if value else "no")}

    def schema(self, question: Question) -> dict[str, Any]:
        return {"type": "boolean"}

    def display(self, question: Question, value: Any) -> str:
        return str(_("Yes") if value else _("No"))


class IdentityCode(QuestionType):
    name = "identity_code"
    spellcheck = False
    empty_message = _("Enter the personal identity code.")
    invalid_message = _("Check the personal identity code. It looks like 010280-123A.")

    def clean(self, question: Question, raw: Raw) -> Any:
        try:
            return identity_code_normalise(raw["value"])
        except ValidationError:
            raise Invalid(self.invalid_message) from None

    def schema(self, question: Question) -> dict[str, Any]:
        return {"type": "string", "pattern": HETU_PATTERN}

    def display(self, question: Question, value: Any) -> str:
        return identity_code_mask(value)


class BusinessId(QuestionType):
    name = "business_id"
    spellcheck = False
    empty_message = _("Enter the business ID.")
    invalid_message = _("Check the business ID. It looks like 1234567-8.")

    def clean(self, question: Question, raw: Raw) -> Any:
        try:
            return ytunnus.format(ytunnus.validate(raw["value"]))
        except StdnumValidationError:
            raise Invalid(self.invalid_message) from None

    def schema(self, question: Question) -> dict[str, Any]:
        return {"type": "string", "pattern": "^[0-9]{7}-[0-9]$"}


class Iban(QuestionType):
    name = "iban"
    spellcheck = False
    empty_message = _("Enter the account number.")
    invalid_message = _(
        "Check the account number. A Finnish one looks like FI21 1234 5600 0007 85."
    )

    def clean(self, question: Question, raw: Raw) -> Any:
        try:
            return stdnum_iban.validate(raw["value"])
        except StdnumValidationError:
            raise Invalid(self.invalid_message) from None

    def schema(self, question: Question) -> dict[str, Any]:
        return {"type": "string", "pattern": "^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$"}

    def display(self, question: Question, value: Any) -> str:
        return str(stdnum_iban.format(value))


class Declaration(QuestionType):
    name = "declaration"
    template = "declaration"
    group = True
    empty_message = _("Tick the box to confirm.")
    invalid_message = empty_message

    def clean(self, question: Question, raw: Raw) -> Any:
        if raw["value"] != "yes":
            raise Invalid(self.invalid_message)
        return True

    def to_raw(self, question: Question, value: Any) -> Raw:
        return {"value": "yes" if value else ""}

    def schema(self, question: Question) -> dict[str, Any]:
        return {"const": True}

    def display(self, question: Question, value: Any) -> str:
        return str(_("Confirmed"))


class Information(QuestionType):
    """Text between the questions; it asks nothing."""

    name = "info"
    template = "info"
    has_answer = False

    def raw_from_post(self, data: Any, name: str) -> Raw:
        return {}

    def parse(self, question: Question, raw: Raw) -> Any:
        return None


TYPES: dict[str, QuestionType] = {
    kind.name: kind
    for kind in (
        ShortText(),
        LongText(),
        Number(),
        DateType(),
        Email(),
        Phone(),
        Address(),
        Name(),
        ChooseOne(),
        ChooseMany(),
        YesNo(),
        IdentityCode(),
        BusinessId(),
        Iban(),
        Declaration(),
        Information(),
    )
}


def _register_file_type() -> None:
    # The file question lives beside the attachments app it depends on.
    from asiointi.eforms.file_question import FileUpload

    TYPES[FileUpload.name] = FileUpload()


_register_file_type()


def question_type(question: Question) -> QuestionType:
    return TYPES[question.type]
