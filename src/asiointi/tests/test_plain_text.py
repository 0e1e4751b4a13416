"""The one rule for typed text: control characters and bidirectional controls are refused,
letters of every script, emoji, line breaks and tabs (where text runs over lines) are not."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from asiointi.plain_text import (
    BIDI_CONTROLS,
    PlainTextField,
    forbidden_character,
    plain_text_problem,
)

FORBIDDEN = st.one_of(
    st.characters(categories=["Cc"]).filter(lambda c: c not in "\n\r\t"),
    st.sampled_from(sorted(BIDI_CONTROLS | {"\u2028", "\u2029"})),
)
ORDINARY = st.text(st.characters(categories=["L", "M", "N", "P", "S", "Zs"]))


@given(before=ORDINARY, bad=FORBIDDEN, after=ORDINARY, multiline=st.booleans())
def test_a_forbidden_character_anywhere_is_named(
    before: str, bad: str, after: str, multiline: bool
) -> None:
    assert forbidden_character(before + bad + after, multiline=multiline) == bad


@given(text=ORDINARY)
def test_ordinary_text_of_any_script_passes(text: str) -> None:
    assert plain_text_problem(text) is None


def test_line_breaks_and_tabs_only_where_text_runs_over_lines() -> None:
    assert plain_text_problem("a\r\n\tb", multiline=True) is None
    assert forbidden_character("a\nb") == "\n"
    assert forbidden_character("a\tb") == "\t"


def test_emoji_sequences_and_joiners_are_not_controls() -> None:
    assert plain_text_problem("👩\u200d👩\u200d👧 مرحبا שלום") is None


def test_the_field_gives_one_message_for_nul() -> None:
    with pytest.raises(ValidationError) as raised:
        PlainTextField().clean("AB\x00\x1b\u202eC")
    assert [error.code for error in raised.value.error_list] == ["control_character"]
    assert "(U+0000)" in raised.value.messages[0]


def test_trimming_keeps_a_forbidden_character_at_either_end_so_it_is_refused() -> None:
    from asiointi.plain_text import PlainTextField, trimmed

    assert trimmed("  8,5\u00a0\n") == "8,5"
    assert trimmed("A\x0b") == "A\x0b"
    assert trimmed("\u2028 A") == "\u2028 A"
    field = PlainTextField(required=False)
    assert field.clean("  Olli  ") == "Olli"
    with pytest.raises(ValidationError):
        field.clean("Olli\x0c")
