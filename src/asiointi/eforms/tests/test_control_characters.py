"""Control characters, NUL and bidirectional controls are refused in every typed answer, with a
clear message, and everything else the person typed is shown again; nothing reaches the draft."""

import html
from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from asiointi.catalogue.models import Service
from asiointi.eforms.question_types import TYPES
from asiointi.eforms.services import form_define, form_publish
from asiointi.eforms.tests.documents import document, page, question
from asiointi.plain_text import BIDI_CONTROLS
from asiointi.submissions.models import Draft
from asiointi.submissions.services import draft_answers
from asiointi.submissions.tests.support import start, url

# Every question type a person types text into, with a good answer for each input.
GOOD: dict[str, str] = {
    "short": "Kissa Kattinen",
    "long": "Ensimmäinen rivi.\r\n\tToinen rivi.",
    "who-given": "Tessa",
    "who-family": "Testilä",
    "where-street": "Mannerheimintie 1 A 2",
    "where-postal_code": "00100",
    "where-post_office": "Helsinki",
    "email": "tessa@example.fi",
    "phone": "040 123 4567",
    "amount": "12",
    "business": "0737546-2",
    "account": "FI21 1234 5600 0007 85",
    "code": "010280-952L",
    "born-day": "24",
    "born-month": "5",
    "born-year": "2018",
}
FREE_TEXT = document(
    page(
        "all",
        question("short", "text"),
        question("long", "textarea"),
        question("who", "name"),
        question("where", "address"),
        question("email", "email"),
        question("phone", "phone"),
        question("amount", "number"),
        question("business", "business_id"),
        question("account", "iban"),
        question("code", "identity_code"),
        question("born", "date"),
    )
)
FORBIDDEN = sorted(
    {chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))} - {"\n", "\t", "\r"}
    | BIDI_CONTROLS
    | {"\u2028", "\u2029"}
)
TEXTS = st.text(st.characters(categories=["L", "N"]), max_size=8)


@pytest.fixture
def free_text_draft(demo_forms: None, tessa_client: Client) -> Draft:
    service = Service.objects.get(slug="ilmoitus-tai-palaute")
    form_publish(form=form_define(service=service, document=FREE_TEXT))
    return start(tessa_client, "ilmoitus-tai-palaute")


def post(client: Client, draft: Draft, data: dict[str, str], language: str = "en") -> Any:
    return client.post(
        url("submissions:draft_page", draft.pk, "all", language=language),
        {"action": "continue", **data},
    )


def test_the_form_covers_every_type_a_person_types_text_into() -> None:
    typed = {name for name, kind in TYPES.items() if kind.has_answer and name != "file"}
    chosen = {"choice", "choices", "yesno", "declaration"}
    assert typed - chosen == {q["type"] for q in FREE_TEXT["pages"][0]["questions"]}


def test_good_answers_with_line_breaks_and_tabs_in_long_text_are_kept(
    tessa_client: Client, free_text_draft: Draft
) -> None:
    response = post(tessa_client, free_text_draft, GOOD)
    assert response.status_code == 302, response.content.decode()[:3000]
    answers = draft_answers(Draft.objects.get())
    assert answers["long"] == "Ensimmäinen rivi.\r\n\tToinen rivi."


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fi", "Poista tekstistä näkymätön ohjausmerkki (U+0000)"),
        ("sv", "Ta bort det osynliga styrtecknet (U+0000)"),
        ("en", "Remove the invisible control character (U+0000)"),
    ],
)
def test_the_reported_text_is_refused_in_each_language_and_never_saved(
    tessa_client: Client, free_text_draft: Draft, language: str, message: str
) -> None:
    response = post(tessa_client, free_text_draft, {**GOOD, "short": "AB\x00\x1b\u202eC"}, language)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "short" not in draft_answers(Draft.objects.get())


@pytest.mark.parametrize("field", ["short", "who-given", "where-street", "email", "account"])
def test_a_bidirectional_override_is_refused_in_a_single_line_answer(
    tessa_client: Client, free_text_draft: Draft, field: str
) -> None:
    response = post(tessa_client, free_text_draft, {**GOOD, field: "abc\u202edef"})
    assert "(U+202E)" in response.content.decode()


def test_a_tab_is_refused_in_a_single_line_answer_but_kept_in_long_text(
    tessa_client: Client, free_text_draft: Draft
) -> None:
    response = post(tessa_client, free_text_draft, {**GOOD, "short": "a\tb"})
    assert "(U+0009)" in response.content.decode()


@pytest.mark.django_db
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    field=st.sampled_from(sorted(GOOD)),
    before=TEXTS,
    bad=st.sampled_from(FORBIDDEN),
    after=TEXTS,
)
def test_any_forbidden_character_anywhere_is_refused_and_the_rest_is_shown_again(
    tessa_client: Client, free_text_draft: Draft, field: str, before: str, bad: str, after: str
) -> None:
    if bad in "\t\r\n" and field == "long":
        return  # line breaks and tabs belong to long text
    typed = f"{GOOD[field][:4]}{before}{bad}{after}{GOOD[field][4:]}"
    response = post(tessa_client, free_text_draft, {**GOOD, field: typed})
    assert response.status_code == 200
    page_html = response.content.decode()
    assert f"(U+{ord(bad):04X})" in page_html
    for other, value in GOOD.items():
        if other != field and other != "long":
            assert f'value="{html.escape(value)}"' in page_html, other
    if field != "long":
        assert html.escape(GOOD["long"]) in page_html
    assert draft_answers(Draft.objects.get(pk=free_text_draft.pk)) == {}
