"""Publishing refuses a bad definition with a message naming the problem."""

import pytest
from django.utils import translation

from asiointi.eforms.definition import DefinitionError, parse
from asiointi.eforms.demo import demo_documents
from asiointi.eforms.tests.documents import OPTIONS, T, document, page, question


def problems_of(doc: object) -> list[str]:
    with translation.override("en"), pytest.raises(DefinitionError) as refused:
        parse(doc)
    return refused.value.problems


def test_every_demo_form_is_a_valid_definition() -> None:
    for slug, doc in demo_documents().items():
        assert parse(doc).pages, slug


def test_a_document_without_pages_is_refused() -> None:
    assert problems_of({"title": T}) == ["The definition has no list of pages."]


def test_an_unknown_question_type_is_named() -> None:
    problems = problems_of(document(page("p", question("q", "colour"))))
    assert problems == ["Question q: there is no question type “colour”."]


def test_a_text_missing_in_swedish_is_named() -> None:
    label = {"fi": "Nimi", "en": "Name"}
    problems = problems_of(document(page("p", {"key": "q", "type": "text", "label": label})))
    assert problems == ["Question q: a text is missing in Finnish, Swedish or English."]


def test_a_key_used_twice_is_named() -> None:
    problems = problems_of(
        document(page("p", question("q", "text")), page("r", question("q", "text")))
    )
    assert problems == ["Question q: the key is used twice."]


def test_a_choice_needs_two_options() -> None:
    problems = problems_of(document(page("p", question("q", "choice", options=OPTIONS[:1]))))
    assert problems == ["Question q needs at least two options with different values."]


def test_a_route_must_go_forward_to_a_page_that_exists() -> None:
    doc = document(
        page("p", question("q", "yesno")),
        page(
            "r",
            question("s", "text"),
            routes=[{"if": {"question": "q", "equals": True}, "goto": "p"}],
        ),
    )
    assert problems_of(doc) == ["Page r: a route goes to “p”, which is not a later page."]


def test_a_route_to_a_missing_exit_page_is_named() -> None:
    doc = document(
        page(
            "p",
            question("q", "yesno"),
            routes=[{"if": {"question": "q", "equals": False}, "goto": "exit:nope"}],
        )
    )
    assert problems_of(doc) == ["Page p: there is no exit page “exit:nope”."]


def test_a_condition_must_look_at_an_earlier_choice() -> None:
    doc = document(
        page("p", question("q", "text")),
        page("r", question("s", "text"), show_if={"question": "q", "equals": "x"}),
    )
    assert problems_of(doc) == ["Page r: a condition can look only at a choice or yes/no question."]
    doc = document(
        page("p", question("q", "text", show_if={"question": "later", "equals": "x"})),
        page("r", question("later", "yesno")),
    )
    assert problems_of(doc) == [
        "Question q: the condition looks at “later”, which is not an earlier question."
    ]


def test_a_number_range_upside_down_is_named() -> None:
    doc = document(page("p", question("n", "number", settings={"min": 10, "max": 1})))
    assert problems_of(doc) == ["Question n: the smallest number is above the largest."]


def test_prefill_must_suit_the_question_type() -> None:
    doc = document(page("p", question("e", "email", prefill="address")))
    assert problems_of(doc) == ["Question e: “address” cannot fill in this type of question."]


def test_problems_are_named_in_the_persons_language() -> None:
    with translation.override("fi"), pytest.raises(DefinitionError) as refused:
        parse(document(page("p", question("q", "colour"))))
    assert "colour" in refused.value.problems[0]
    assert refused.value.problems[0] != "Question q: there is no question type “colour”."
