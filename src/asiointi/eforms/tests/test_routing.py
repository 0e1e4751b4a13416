"""Routing: skip forward, end early, exit pages, conditional pages; skipped answers dropped."""

from asiointi.eforms.definition import parse
from asiointi.eforms.routing import answers_on_path, walk
from asiointi.eforms.tests.documents import T, document, page, question

DOC = parse(
    document(
        page(
            "start",
            question(
                "kind",
                "choice",
                options=[{"value": v, "label": T} for v in ("skip", "end", "exit", "all")],
            ),
            routes=[
                {"if": {"question": "kind", "equals": "skip"}, "goto": "last"},
                {"if": {"question": "kind", "equals": "end"}, "goto": "end"},
                {"if": {"question": "kind", "equals": "exit"}, "goto": "exit:no"},
            ],
        ),
        page("middle", question("m", "text")),
        page("extra", question("e", "text"), show_if={"question": "kind", "one_of": ["all"]}),
        page(
            "last",
            question("l", "text", show_if={"question": "kind", "equals": "all"}),
            question("z", "text"),
        ),
        exits={"no": {"title": T, "body": T}},
    )
)


def test_a_route_skips_forward() -> None:
    assert walk(DOC, {"kind": "skip"}).page_keys() == ["start", "last"]


def test_a_route_can_end_the_form_early() -> None:
    route = walk(DOC, {"kind": "end"})
    assert route.page_keys() == ["start"] and route.exit is None


def test_a_route_can_lead_to_an_exit_page() -> None:
    route = walk(DOC, {"kind": "exit"})
    assert route.exit is not None and route.exit.key == "no"


def test_a_conditional_page_is_shown_only_when_its_condition_holds() -> None:
    assert walk(DOC, {"kind": "all"}).page_keys() == ["start", "middle", "extra", "last"]


def test_answers_on_skipped_pages_and_hidden_questions_are_dropped() -> None:
    answers = {"kind": "skip", "m": "left behind", "e": "also", "l": "hidden", "z": "kept"}
    assert answers_on_path(DOC, answers) == {"kind": "skip", "z": "kept"}
