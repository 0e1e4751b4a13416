"""What assistive technology and browsers learn from a form page's markup: which questions are
required, which groups are in error, and where autofill may offer the person's own details."""

import re

import pytest
from django.test import Client

from asiointi.submissions.tests.support import answer, start, url

pytestmark = pytest.mark.usefixtures("demo_forms")


def tag(page: str, element_id: str) -> str:
    found = re.search(rf'<[a-z]+ [^>]*id="{re.escape(element_id)}"[^>]*>', page)
    assert found, f"no element with id {element_id}"
    return found.group()


def test_required_inputs_are_marked_and_the_page_says_what_unmarked_means(
    tessa_client: Client,
) -> None:
    draft = start(tessa_client, "varhaiskasvatushakemus", language="en")
    page = tessa_client.get(url("submissions:draft_page", draft.pk, "children", language="en"))
    html = page.content.decode()
    assert "Answer every question not marked (optional)." in html
    for element_id in (
        "q-children-0-child_name-given",
        "q-children-0-child_identity_code",
        "q-children-0-child_start-day",
        "q-children-0-child_hours",
    ):
        assert " required" in tag(html, element_id), element_id


def test_a_childs_name_offers_no_autofill_but_the_persons_own_details_do(
    tessa_client: Client,
) -> None:
    draft = start(tessa_client, "varhaiskasvatushakemus", language="en")
    guardian = tessa_client.get(url("submissions:draft_page", draft.pk, "guardian", language="en"))
    assert 'autocomplete="email"' in tag(guardian.content.decode(), "q-guardian_email")
    children = tessa_client.get(url("submissions:draft_page", draft.pk, "children", language="en"))
    html = children.content.decode()
    assert "autocomplete" not in tag(html, "q-children-0-child_name-given")
    assert "autocomplete" not in tag(html, "q-children-0-child_name-family")


def test_groups_in_error_carry_aria_invalid(tessa_client: Client) -> None:
    draft = start(tessa_client, "varhaiskasvatushakemus", language="en")
    response = answer(tessa_client, draft, "care", {"action": "continue"})
    html = response.content.decode()
    assert 'aria-invalid="true"' in tag(html, "q-care_language")
    assert 'aria-invalid="true"' in tag(html, "q-care_forms")
    assert 'aria-invalid="true"' in tag(html, "q-care_forms-0")
