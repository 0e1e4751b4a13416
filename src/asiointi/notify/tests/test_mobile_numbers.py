"""Text messages go to mobile numbers only, written as the resident likes, stored as E.164."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from asiointi.notify.phone import normalise_mobile_number


@pytest.mark.parametrize(
    "value",
    ["040 123 4567", "+358401234567", "+358 40 123 4567", "040-123 4567", "00358 40 1234567"],
)
def test_finnish_mobile_number_in_any_common_form_becomes_e164(value: str) -> None:
    assert normalise_mobile_number(value) == "+358401234567"


def test_foreign_mobile_number_with_country_code_is_accepted() -> None:
    assert normalise_mobile_number("+46 70 123 45 67") == "+46701234567"


@pytest.mark.parametrize(
    ("language", "words"),
    [("fi", "matkapuhelin"), ("sv", "mobiltelefon"), ("en", "mobile phone")],
)
def test_landline_is_refused_with_a_clear_message(language: str, words: str) -> None:
    with translation.override(language):
        with pytest.raises(ValidationError) as error:
            normalise_mobile_number("09 310 1234")
        message = error.value.messages[0]
    assert error.value.code == "not_mobile"
    assert words in message.lower()
    assert "040 123 4567" in message


@pytest.mark.parametrize("value", ["", "12", "abc", "040 123", "+358 40 123 4567 8901"])
def test_something_that_is_no_phone_number_is_refused(value: str) -> None:
    with pytest.raises(ValidationError) as error:
        normalise_mobile_number(value)
    assert error.value.code == "invalid"
