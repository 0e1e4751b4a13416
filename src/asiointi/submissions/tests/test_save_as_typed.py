""" "Tallenna ja jatka myöhemmin" keeps everything typed, valid or not; checks run on continuing and
sending, and the check page names what is still wrong."""

import pytest
from django.test import Client

from asiointi.submissions.models import Draft, Submission
from asiointi.submissions.services import draft_answers
from asiointi.submissions.tests.support import PARKING_ANSWERS, answer, start, url

pytestmark = pytest.mark.usefixtures("demo_forms")


def period(day: str, month: str, year: str, months: str = "12") -> dict[str, str]:
    return {
        "months": months,
        "start_date-day": day,
        "start_date-month": month,
        "start_date-year": year,
    }


def save(client: Client, draft: Draft, page: str, data: dict[str, str]) -> str:
    response = client.post(
        url("submissions:draft_page", draft.pk, page), {**data, "action": "save"}
    )
    assert response.headers["Location"] == url("submissions:draft_saved", draft.pk)
    return client.get(response.headers["Location"]).content.decode()


def fill_up_to_period(client: Client) -> Draft:
    draft = start(client, "asukaspysakointitunnus")
    for page in ("applicant", "residence", "vehicle"):
        assert answer(client, draft, page, PARKING_ANSWERS[page]).status_code == 302
    return draft


def test_saving_with_a_required_answer_missing_keeps_the_rest_of_the_page(
    tessa_client: Client,
) -> None:
    draft = fill_up_to_period(tessa_client)
    saved = save(
        tessa_client,
        draft,
        "period",
        {"months": "6", "start_date-day": "", "start_date-month": "", "start_date-year": ""},
    )
    assert "Vastauksesi on tallennettu" in saved
    assert "Osa vastauksista puuttuu" in saved
    assert draft_answers(Draft.objects.get())["months"] == "6"
    page = tessa_client.get(url("submissions:draft_page", draft.pk, "period")).content.decode()
    assert 'value="6" checked' in page or 'checked value="6"' in page.replace("\n", " ")
    assert "Virhe:" not in page  # checks run on continuing, not on showing what was saved


def test_an_invalid_answer_is_saved_as_typed_and_shown_again(tessa_client: Client) -> None:
    draft = fill_up_to_period(tessa_client)
    save(
        tessa_client,
        draft,
        "period",
        period("31", "2", "20x9"),
    )
    page = tessa_client.get(url("submissions:draft_page", draft.pk, "period")).content.decode()
    assert 'value="20x9"' in page and 'value="31"' in page
    # Logging out and in again (a new client of the same person) finds it just the same.
    resumed = tessa_client.get(url("submissions:draft_resume", draft.pk))
    assert resumed.headers["Location"] == url("submissions:draft_page", draft.pk, "period")


def test_continuing_runs_the_checks_on_what_was_saved_unchecked(tessa_client: Client) -> None:
    draft = fill_up_to_period(tessa_client)
    typed = period("31", "2", "2099")
    save(tessa_client, draft, "period", typed)
    response = answer(tessa_client, draft, "period", typed)
    assert response.status_code == 200 and "Virhe:" in response.content.decode()
    fixed = answer(tessa_client, draft, "period", PARKING_ANSWERS["period"])
    assert fixed.status_code == 302
    assert "_unchecked" not in draft_answers(Draft.objects.get())


def test_the_check_page_and_sending_name_what_was_saved_unchecked(tessa_client: Client) -> None:
    draft = fill_up_to_period(tessa_client)
    save(
        tessa_client,
        draft,
        "period",
        period("31", "2", "2099"),
    )
    # The person skips ahead and answers the last page.
    assert answer(tessa_client, draft, "confirm", PARKING_ANSWERS["confirm"]).status_code == 302
    check = url("submissions:draft_check", draft.pk)
    page = tessa_client.get(check).content.decode()
    period_link = url("submissions:draft_page", draft.pk, "period") + "?return=check"
    assert "error-summary" in page and period_link in page
    sent = tessa_client.post(check)
    assert sent.status_code == 200 and period_link in sent.content.decode()
    assert not Submission.objects.exists()
    # Corrected from the check page's link: sent, without the unchecked text.
    fixed = tessa_client.post(period_link, {"action": "continue", **PARKING_ANSWERS["period"]})
    assert fixed.headers["Location"] == check
    assert tessa_client.post(check).status_code == 302
    assert Submission.objects.count() == 1


def test_saving_a_repeating_page_with_errors_keeps_every_item(tessa_client: Client) -> None:
    draft = start(tessa_client, "varhaiskasvatushakemus")
    page_url = url("submissions:draft_page", draft.pk, "children")
    save(
        tessa_client,
        draft,
        "children",
        {
            "children-count": "2",
            "children-0-child_name-given": "Aino",
            "children-0-child_name-family": "Testilä",
            "children-0-child_hours": "8",
            "children-1-child_name-given": "Eino",
            "children-1-child_hours": "kahdeksan",
        },
    )
    page = tessa_client.get(page_url).content.decode()
    assert 'value="Aino"' in page and 'value="Eino"' in page and 'value="kahdeksan"' in page
    assert draft_answers(Draft.objects.get())["children"][0]["child_hours"] == 8
