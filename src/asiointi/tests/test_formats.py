"""Dates, times and numbers in each language's own format (asiointi/formats)."""

import datetime
from decimal import Decimal

import pytest
from django.utils import formats, translation

from asiointi.eforms.definition import Question, Text
from asiointi.eforms.question_types import TYPES

T = Text({"fi": "x", "sv": "x", "en": "x"})
FEB_3 = datetime.date(2027, 2, 3)
AFTERNOON = datetime.datetime(2027, 2, 3, 14, 5)


def question(kind: str, **settings: object) -> Question:
    return Question(
        key="k", type=kind, label=T, hint=Text({}), required=True, settings=settings, options=()
    )


@pytest.mark.parametrize(
    ("language", "expected"), [("fi", "3.2.2027"), ("sv", "3.2.2027"), ("en", "3 February 2027")]
)
def test_a_date_reads_the_languages_own_way(language: str, expected: str) -> None:
    with translation.override(language):
        assert formats.date_format(FEB_3, "SHORT_DATE_FORMAT") == expected
        assert formats.date_format(FEB_3, "DATE_FORMAT") == expected
        assert TYPES["date"].display(question("date"), "2027-02-03") == expected


@pytest.mark.parametrize(
    ("language", "time", "short_datetime"),
    [
        ("fi", "14.05", "3.2.2027 klo 14.05"),
        ("sv", "14.05", "3.2.2027 kl. 14.05"),
        ("en", "14:05", "3 February 2027, 14:05"),
    ],
)
def test_each_language_writes_the_time_one_way(
    language: str, time: str, short_datetime: str
) -> None:
    with translation.override(language):
        assert formats.time_format(AFTERNOON, "TIME_FORMAT") == time
        assert formats.date_format(AFTERNOON, "SHORT_DATETIME_FORMAT") == short_datetime
        assert formats.date_format(AFTERNOON, "DATETIME_FORMAT").endswith(time)


@pytest.mark.parametrize(("language", "shown"), [("fi", "8,5"), ("sv", "8,5"), ("en", "8.5")])
def test_a_decimal_number_comes_back_as_it_was_typed(language: str, shown: str) -> None:
    number = TYPES["number"]
    with translation.override(language):
        for typed in ("8,5", "8.5"):
            value = number.parse(question("number"), {"value": typed})
            assert value == 8.5
            assert number.to_raw(question("number"), value) == {"value": shown}
        assert number.display(question("number"), 8.5) == shown
        assert formats.number_format(Decimal("1234.5"), use_l10n=True).endswith(shown[1:])


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize("rule", [{"future": True}, {"past": True}, {}])
def test_a_date_questions_example_is_one_it_accepts(language: str, rule: dict) -> None:
    date = TYPES["date"]
    asked = question("date", **rule)
    with translation.override(language):
        example = date.hint_extra(asked)
    day, month, year = example.split()[-3:]
    assert date.parse(asked, {"day": day, "month": month, "year": year})
    if rule.get("future"):
        assert datetime.date(int(year), int(month), int(day)) > datetime.date.today()
