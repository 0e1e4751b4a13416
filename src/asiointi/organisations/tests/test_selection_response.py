"""The answer from the selection page cannot be forged or replayed into someone's session."""

import pytest
import requests

from asiointi.devidp.tests.support import form
from asiointi.organisations.models import AuthorizationSession
from asiointi.organisations.tests.support import (
    CEO_COMPANY,
    code_of,
    log_in,
    path,
    pick,
    selection_page,
)
from asiointi.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db(transaction=True)


def return_with(browser: requests.Session, portal: str, code: str) -> requests.Response:
    return browser.get(f"{portal}/organisations/e-authorizations/return", params={"code": code})


def assert_not_acting(browser: requests.Session, portal: str) -> None:
    page = browser.get(f"{portal}{path('organisations:choose')}")
    assert "Testilän Tilitoimisto" not in page.text
    assert "Tilitoimisto" not in browser.get(f"{portal}{path('folder:index')}").text


def test_a_code_from_another_persons_session_is_refused(portal: str) -> None:
    victim = log_in(portal)
    selection_page(victim, portal)  # the victim's choice is pending
    attacker = log_in(portal, "kivi-joni")
    forged = code_of(pick(attacker, selection_page(attacker, portal), CEO_COMPANY, follow=False))
    landing = return_with(victim, portal, forged)
    assert path("organisations:failed") in landing.url
    assert_not_acting(victim, portal)
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.ACTING_REFUSED, details__reason="failed"
    ).exists()


def test_a_code_sent_to_someone_who_chose_nothing_is_refused(portal: str) -> None:
    victim = log_in(portal)
    attacker = log_in(portal, "kivi-joni")
    forged = code_of(pick(attacker, selection_page(attacker, portal), CEO_COMPANY, follow=False))
    landing = return_with(victim, portal, forged)
    assert path("organisations:failed") in landing.url
    assert_not_acting(victim, portal)


def test_a_replayed_answer_is_refused(portal: str) -> None:
    browser = log_in(portal)
    answer = pick(browser, selection_page(browser, portal), CEO_COMPANY, follow=False)
    first = browser.get(answer.headers["Location"])
    assert first.url.endswith(path("organisations:register"))
    again = browser.get(answer.headers["Location"])
    assert path("organisations:failed") in again.url
    # The same code in a fresh choice of the same browser is refused by the service itself.
    selection_page(browser, portal)
    assert path("organisations:failed") in return_with(browser, portal, code_of(answer)).url
    assert AuthorizationSession.objects.exclude(access_token="").count() == 1


def test_an_answer_without_a_code_is_refused(portal: str) -> None:
    browser = log_in(portal)
    selection_page(browser, portal)
    assert path("organisations:failed") in return_with(browser, portal, "").url


def test_cancelling_on_the_selection_page_says_so(portal: str) -> None:
    browser = log_in(portal)
    page = selection_page(browser, portal)
    chosen = form_fields(page)
    origin = page.url.split("/devidp")[0]
    landing = browser.post(
        f"{origin}/devidp/valtuudet/oauth/authorize/select", data={**chosen, "action": "cancel"}
    )
    assert f"{path('organisations:failed')}?reason=cancelled" in landing.url
    assert_not_acting(browser, portal)


def form_fields(page: requests.Response) -> dict[str, str]:
    return form(page.text, "/devidp/valtuudet/oauth/authorize/select").fields
