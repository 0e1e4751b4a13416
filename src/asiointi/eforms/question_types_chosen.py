"""Question types for chosen or coded answers: choices, yes/no, identity codes, business IDs,
IBANs, declarations and information."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import iban as stdnum_iban
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.fi import ytunnus

from asiointi.eforms.definition import Question
from asiointi.eforms.question_base import HETU_PATTERN, Invalid, QuestionType, Raw
from asiointi.privacy.identity_codes import identity_code_mask, identity_code_normalise


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
