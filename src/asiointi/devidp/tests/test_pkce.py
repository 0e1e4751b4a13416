"""PKCE with S256 is required of every client, confidential ones too."""

from django.test import Client as BrowserClient

from asiointi.devidp.tests.support import (
    CALLBACK,
    authorization_request,
    exchange,
    identify,
    query,
)


def test_a_request_without_a_code_challenge_is_sent_back_refused(idp: BrowserClient) -> None:
    request = authorization_request(code_challenge=None, code_challenge_method=None)
    response = idp.get("/devidp/authorize", request.params)
    assert response.status_code == 302
    assert response["Location"].startswith(CALLBACK)
    answer = query(response["Location"])
    assert answer["error"] == "invalid_request"
    assert answer["state"] == request.state
    assert "code" not in answer


def test_the_plain_method_is_refused(idp: BrowserClient) -> None:
    request = authorization_request(code_challenge_method="plain")
    response = idp.get("/devidp/authorize", request.params)
    assert query(response["Location"])["error"] == "invalid_request"


def test_a_wrong_code_verifier_gets_no_token(
    idp: BrowserClient, portal_headers: dict[str, str]
) -> None:
    request = authorization_request()
    code = query(identify(idp, request)["Location"])["code"]
    request.verifier = "x" * 50
    response = exchange(idp, code, request, headers=portal_headers)
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"
    assert "id_token" not in response.json()


def test_a_missing_code_verifier_gets_no_token(
    idp: BrowserClient, portal_headers: dict[str, str]
) -> None:
    request = authorization_request()
    code = query(identify(idp, request)["Location"])["code"]
    response = exchange(idp, code, request, headers=portal_headers, code_verifier="")
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"
