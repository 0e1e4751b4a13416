"""A repeating page: "Remove" asks first; only "Yes" removes, and the page says what went."""

from django.http import QueryDict

from asiointi.eforms.definition import parse
from asiointi.eforms.pages import read_page
from asiointi.eforms.tests.documents import T, document, page, question

DOC = parse(
    document(
        page(
            "kids",
            question("nick", "text"),
            repeat={"min": 1, "max": 4, "item_label": T, "add_label": T},
        )
    )
)
KIDS = DOC.page("kids")


def posted(action: str, *nicks: str) -> QueryDict:
    data = QueryDict(mutable=True)
    data["kids-count"] = str(len(nicks))
    for index, nick in enumerate(nicks):
        data[f"kids-{index}-nick"] = nick
    data["action"] = action
    return data


def nicks(action: str, *typed: str) -> list[str]:
    assert KIDS is not None
    state = read_page(KIDS, posted(action, *typed), {}, {})
    return [str(item.fields[0].raw.get("value")) for item in state.items]


def test_remove_asks_first_and_keeps_everything_typed() -> None:
    assert KIDS is not None
    state = read_page(KIDS, posted("ask-remove-0", "Olli", "Ella"), {}, {})
    assert [str(i.fields[0].raw["value"]) for i in state.items] == ["Olli", "Ella"]
    assert state.asking_remove is state.items[0]
    assert not state.errors and not state.answers


def test_keep_changes_nothing_and_yes_removes_the_one_asked_about() -> None:
    assert nicks("keep", "Olli", "Ella") == ["Olli", "Ella"]
    assert nicks("remove-0", "Olli", "Ella") == ["Ella"]


def test_the_page_says_which_item_was_removed_and_that_the_rest_were_renumbered() -> None:
    assert KIDS is not None
    first = read_page(KIDS, posted("remove-0", "Olli", "Ella"), {}, {})
    assert first.removed.endswith(" 1")
    assert first.renumbered
    last = read_page(KIDS, posted("remove-1", "Olli", "Ella"), {}, {})
    assert last.removed.endswith(" 2") and not last.renumbered


def test_an_unknown_item_removes_nothing() -> None:
    assert nicks("remove-7", "Olli", "Ella") == ["Olli", "Ella"]
