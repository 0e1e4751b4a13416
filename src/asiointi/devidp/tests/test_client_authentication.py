"""Clients authenticate at the token endpoint with their secret, basic or post."""

from django.test import Client as BrowserClient

from asiointi.devidp.models import Client
from asiointi.devidp.tests.support import (
    AuthorizationRequest,
    authorization_request,
    basic,
    exchange,
    identify,
    query,
)


def _code(idp: BrowserClient) -> tuple[str, AuthorizationRequest]:
    request = authorization_request()
    return query(identify(idp, request)["Location"])["code"], request


def test_a_wrong_secret_is_refused(idp: BrowserClient) -> None:
    code, request = _code(idp)
    headers = {"Authorization": basic("asiointi", "wrong")}
    response = exchange(idp, code, request, headers=headers)
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"


def test_a_wrong_posted_secret_is_refused(idp: BrowserClient) -> None:
    code, request = _code(idp)
    auth = {"client_id": "asiointi", "client_secret": "wrong"}
    response = exchange(idp, code, request, auth=auth)
    assert response.status_code in (400, 401)
    assert response.json()["error"] == "invalid_client"


def test_no_authentication_is_refused(idp: BrowserClient) -> None:
    code, request = _code(idp)
    response = exchange(idp, code, request, auth={"client_id": "asiointi"})
    assert response.json()["error"] == "invalid_client"


def test_another_clients_secret_does_not_buy_this_clients_code(
    idp: BrowserClient, other_client: Client
) -> None:
    code, request = _code(idp)
    headers = {"Authorization": basic("other-service", "other-secret")}
    response = exchange(idp, code, request, headers=headers)
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"
