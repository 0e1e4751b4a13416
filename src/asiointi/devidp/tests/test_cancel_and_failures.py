"""The tester can walk the portal's error paths: cancel, failure, and the level of assurance."""

import pytest
from django.test import Client as BrowserClient

from asiointi.devidp import claims
from asiointi.devidp.tests.support import (
    CALLBACK,
    authorization_request,
    exchange,
    form,
    identify,
    query,
    verified_claims,
)


def test_cancel_at_the_method_chooser_returns_access_denied_and_the_state(
    idp: BrowserClient,
) -> None:
    request = authorization_request()
    page = idp.get("/devidp/authorize", request.params)
    chooser = form(page.content.decode(), "/devidp/authorize/method")
    response = idp.post(chooser.action, {**chooser.fields, "action": "cancel"})
    assert response.status_code == 302
    assert response["Location"].startswith(CALLBACK)
    answer = query(response["Location"])
    assert answer["error"] == "access_denied"
    assert answer["state"] == request.state
    assert "code" not in answer


def test_cancel_at_the_person_chooser_returns_access_denied(idp: BrowserClient) -> None:
    request = authorization_request()
    page = idp.get("/devidp/authorize", request.params)
    chooser = form(page.content.decode(), "/devidp/authorize/method")
    page = idp.post(chooser.action, {**chooser.fields, "action": "bank"})
    persons = form(page.content.decode(), "/devidp/authorize/person")
    response = idp.post(persons.action, {**persons.fields, "action": "cancel"})
    answer = query(response["Location"])
    assert (answer["error"], answer["state"]) == ("access_denied", request.state)
    assert "code" not in answer


@pytest.mark.parametrize(
    ("outcome", "error"),
    [("failed", "server_error"), ("unavailable", "temporarily_unavailable")],
)
def test_a_failed_identification_returns_the_error_and_the_state(
    idp: BrowserClient, outcome: str, error: str
) -> None:
    request = authorization_request()
    answer = query(identify(idp, request, outcome=outcome)["Location"])
    assert (answer["error"], answer["state"]) == (error, request.state)
    assert "code" not in answer


def _acr(idp: BrowserClient, headers: dict[str, str], outcome: str, **extra: str) -> str:
    request = authorization_request(**extra)
    code = query(identify(idp, request, outcome=outcome)["Location"])["code"]
    id_token = exchange(idp, code, request, headers=headers).json()["id_token"]
    return str(verified_claims(id_token, idp)["acr"])


def test_the_requested_level_of_assurance_is_returned(
    idp: BrowserClient, portal_headers: dict[str, str]
) -> None:
    assert _acr(idp, portal_headers, "success", acr_values=claims.LOA_HIGH) == claims.LOA_HIGH
    loa2 = claims.LOA_SUBSTANTIAL
    assert _acr(idp, portal_headers, "success", acr_values=loa2) == loa2
    assert _acr(idp, portal_headers, "success") == loa2


def test_too_low_assurance_returns_loa1(idp: BrowserClient, portal_headers: dict[str, str]) -> None:
    acr = _acr(idp, portal_headers, "too_low", acr_values=claims.LOA_SUBSTANTIAL)
    assert acr == "http://ftn.ficora.fi/2017/loa1"


@pytest.mark.parametrize(
    ("method", "amr"), [("bank", "bank"), ("mobile", "mobile"), ("card", "card")]
)
def test_the_method_is_told_in_amr(
    idp: BrowserClient, portal_headers: dict[str, str], method: str, amr: str
) -> None:
    request = authorization_request()
    code = query(identify(idp, request, method=method)["Location"])["code"]
    id_token = exchange(idp, code, request, headers=portal_headers).json()["id_token"]
    assert verified_claims(id_token, idp)["amr"] == [amr]
