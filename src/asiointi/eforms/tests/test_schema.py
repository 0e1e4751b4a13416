"""The answer schema: one property per question, required only where every path asks."""

from asiointi.eforms.definition import parse
from asiointi.eforms.schema import schema_build, validator
from asiointi.eforms.tests.documents import OPTIONS, document, page, question


def build(doc: dict) -> dict:
    return schema_build(parse(doc), schema_id="/s.json")


def test_required_questions_on_always_visited_pages_are_required() -> None:
    schema = build(
        document(page("p", question("a", "text"), question("b", "text", required=False)))
    )
    assert schema["required"] == ["a"]
    assert schema["additionalProperties"] is False


def test_pages_a_route_can_skip_are_not_required_by_the_schema() -> None:
    schema = build(
        document(
            page(
                "p",
                question("q", "yesno"),
                routes=[{"if": {"question": "q", "equals": False}, "goto": "r"}],
            ),
            page("skipped", question("s", "text")),
            page("r", question("t", "text")),
        )
    )
    assert schema["required"] == ["q", "t"]


def test_a_question_shown_by_a_condition_is_required_through_if_then() -> None:
    schema = build(
        document(
            page("p", question("q", "choice", options=OPTIONS)),
            page("r", question("s", "text", show_if={"question": "q", "equals": "a"})),
        )
    )
    check = validator(schema)
    assert not list(check.iter_errors({"q": "b"}))
    assert [e.validator for e in check.iter_errors({"q": "a"})] == ["required"]


def test_a_repeating_page_is_an_array_of_objects_within_its_limits() -> None:
    schema = build(
        document(
            page(
                "kids",
                question("n", "text"),
                repeat={
                    "min": 1,
                    "max": 2,
                    "item_label": {"fi": "L", "sv": "B", "en": "C"},
                    "add_label": {"fi": "L", "sv": "B", "en": "C"},
                },
            )
        )
    )
    check = validator(schema)
    assert not list(check.iter_errors({"kids": [{"n": "x"}]}))
    assert list(check.iter_errors({"kids": [{"n": "x"}] * 3}))
    assert list(check.iter_errors({"kids": [{}]}))


def test_each_type_has_a_schema_that_accepts_its_own_answers() -> None:
    doc = document(
        page(
            "p",
            question("t", "text"),
            question("l", "textarea"),
            question("n", "number", settings={"min": 0, "max": 9}),
            question("d", "date"),
            question("e", "email"),
            question("ph", "phone"),
            question("a", "address"),
            question("nm", "name"),
            question("c", "choice", options=OPTIONS),
            question("cs", "choices", options=OPTIONS),
            question("y", "yesno"),
            question("h", "identity_code"),
            question("b", "business_id"),
            question("i", "iban"),
            question("dc", "declaration"),
            question("info", "info"),
        )
    )
    answers = {
        "t": "x",
        "l": "x\ny",
        "n": 5,
        "d": "2026-01-31",
        "e": "a@example.fi",
        "ph": "+358401234567",
        "a": {"street": "Katu 1", "postal_code": "00100", "post_office": "Helsinki"},
        "nm": {"given": "Tessa", "family": "Testilä"},
        "c": "a",
        "cs": ["a", "b"],
        "y": True,
        "h": "010280-952L",
        "b": "0737546-2",
        "i": "FI2112345600000785",
        "dc": True,
    }
    schema = build(doc)
    assert "info" not in schema["properties"]
    assert not list(validator(schema).iter_errors(answers))
    wrong = {
        **answers,
        "d": "2026-02-31",
        "a": {"street": "x", "postal_code": "100", "post_office": "y"},
        "dc": False,
        "cs": ["c"],
    }
    assert {e.absolute_path[0] for e in validator(schema).iter_errors(wrong)} == {
        "d",
        "a",
        "dc",
        "cs",
    }
