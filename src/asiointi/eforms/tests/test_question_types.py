"""Each question type: what it accepts, what it refuses with a clear message, what it shows."""

import datetime
from typing import Any

import pytest
from django.utils import translation

from asiointi.eforms.definition import Option, Question, Text
from asiointi.eforms.question_types import TYPES, Invalid

T = Text({"fi": "x", "sv": "x", "en": "x"})


def q(kind: str, required: bool = True, **settings: Any) -> Question:
    options = (Option("a", T), Option("b", T))
    return Question(
        key="k",
        type=kind,
        label=T,
        hint=Text({}),
        required=required,
        settings=settings,
        options=options,
    )


def accepts(kind: str, raw: dict, **settings: Any) -> object:
    return TYPES[kind].parse(q(kind, **settings), raw)


def refuses(kind: str, raw: dict, **settings: Any) -> str:
    with translation.override("en"):
        with pytest.raises(Invalid) as refused:
            TYPES[kind].parse(q(kind, **settings), raw)
        return str(refused.value.message)


def test_text_keeps_what_was_typed_within_its_length() -> None:
    assert accepts("text", {"value": "ABC-123"}) == "ABC-123"
    assert refuses("text", {"value": "x" * 11}, max_length=10) == "Use at most 10 characters."
    assert refuses("text", {"value": ""}) == "Answer this question."
    assert TYPES["text"].parse(q("text", required=False), {"value": ""}) is None


def test_long_text_keeps_line_breaks() -> None:
    assert accepts("textarea", {"value": "a\nb"}) == "a\nb"


def test_number_takes_a_decimal_comma_and_keeps_to_its_range() -> None:
    assert accepts("number", {"value": "12,5"}) == 12.5
    assert accepts("number", {"value": "1 000"}, integer=True) == 1000
    assert refuses("number", {"value": "twelve"}) == "Enter a number, like 12 or 12.5."
    assert refuses("number", {"value": "NaN"}) == "Enter a number, like 12 or 12.5."
    assert refuses("number", {"value": "2.5"}, integer=True) == "Enter a whole number."
    assert refuses("number", {"value": "13"}, min=1, max=12) == "Enter a number from 1 to 12."


def test_date_comes_in_three_fields_and_must_exist() -> None:
    assert accepts("date", {"day": "29", "month": "2", "year": "2028"}) == "2028-02-29"
    assert refuses("date", {"day": "29", "month": "2", "year": "2027"}) != ""
    assert (
        refuses("date", {"day": "1", "month": "1", "year": "26"})
        == "Enter the year with four digits."
    )
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    raw = {"day": str(yesterday.day), "month": str(yesterday.month), "year": str(yesterday.year)}
    assert refuses("date", raw, future=True) == "The date must be today or in the future."


def test_email_and_phone() -> None:
    assert accepts("email", {"value": "tessa@example.fi"}) == "tessa@example.fi"
    assert (
        refuses("email", {"value": "tessa@"})
        == "Enter an e-mail address in the form name@example.fi."
    )
    assert accepts("phone", {"value": "040 123 4567"}) == "+358401234567"
    assert refuses("phone", {"value": "123"}).startswith("Enter a phone number")
    assert TYPES["phone"].display(q("phone"), "+358401234567") == "+358 40 1234567"


def test_address_needs_a_five_digit_postal_code() -> None:
    raw = {"street": "Katu 1", "postal_code": "00100", "post_office": "Helsinki"}
    assert accepts("address", raw) == raw
    assert (
        refuses("address", {**raw, "postal_code": "100"})
        == "Enter the postal code as five digits, like 00100."
    )
    assert refuses("address", {**raw, "street": ""}).startswith("Enter the street address")


def test_name_needs_both_parts() -> None:
    assert accepts("name", {"given": "Tessa", "family": "Testilä"}) == {
        "given": "Tessa",
        "family": "Testilä",
    }
    assert (
        refuses("name", {"given": "Tessa", "family": ""})
        == "Enter the first name and the last name."
    )


def test_choices_accept_only_their_options() -> None:
    assert accepts("choice", {"value": "a"}) == "a"
    assert refuses("choice", {"value": "z"}) == "Choose one of the options."
    assert accepts("choices", {"value": ["b", "a"]}) == ["a", "b"]
    assert refuses("choices", {"value": []}) == "Choose at least one option."
    assert refuses("choices", {"value": ["a", "z"]}) == "Choose at least one option."


def test_yes_no_and_declaration() -> None:
    assert accepts("yesno", {"value": "no"}) is False
    assert refuses("yesno", {"value": ""}) == "Choose yes or no."
    assert accepts("declaration", {"value": "yes"}) is True
    assert refuses("declaration", {"value": ""}) == "Tick the box to confirm."


def test_identity_code_is_checked_and_shown_masked(settings: object) -> None:
    assert accepts("identity_code", {"value": "010280-952l"}) == "010280-952L"
    assert refuses("identity_code", {"value": "010280-952A"}).startswith(
        "Check the personal identity code"
    )
    assert TYPES["identity_code"].display(q("identity_code"), "010280-952L") == "010280-****"


def test_business_id_and_iban_checksums() -> None:
    assert accepts("business_id", {"value": "0737546-2"}) == "0737546-2"
    assert refuses("business_id", {"value": "0737546-3"}).startswith("Check the business ID")
    assert accepts("iban", {"value": "FI21 1234 5600 0007 85"}) == "FI2112345600000785"
    assert refuses("iban", {"value": "FI21 1234 5600 0007 86"}).startswith(
        "Check the account number"
    )
    assert TYPES["iban"].display(q("iban"), "FI2112345600000785") == "FI21 1234 5600 0007 85"


def test_information_asks_nothing() -> None:
    assert accepts("info", {}) is None
