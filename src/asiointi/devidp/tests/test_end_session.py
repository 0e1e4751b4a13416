"""RP-initiated logout: the provider's session ends, and the person is sent back only to a
registered post_logout_redirect_uri."""

from typing import Any

from django.test import Client as BrowserClient

from asiointi.devidp.models import IdpSession
from asiointi.devidp.sessions import COOKIE_NAME
from asiointi.devidp.tests.support import (
    ORIGIN,
    authorization_request,
    exchange,
    form,
    identify,
    query,
)

LOGGED_OUT = f"{ORIGIN}/identity/logged-out/"


def _log_in(idp: BrowserClient, headers: dict[str, str]) -> dict[str, Any]:
    request = authorization_request()
    code = query(identify(idp, request)["Location"])["code"]
    return dict(exchange(idp, code, request, headers=headers).json())


def _silent_login_answer(idp: BrowserClient) -> dict[str, str]:
    return query(
        idp.get("/devidp/authorize", authorization_request(prompt="none").params)["Location"]
    )


def test_logout_with_an_id_token_hint_ends_the_session_and_returns_with_the_state(
    idp: BrowserClient, portal_headers: dict[str, str]
) -> None:
    tokens = _log_in(idp, portal_headers)
    params = {
        "id_token_hint": tokens["id_token"],
        "post_logout_redirect_uri": LOGGED_OUT,
        "state": "bye-123",
    }
    response = idp.get("/devidp/end-session", params)
    assert response.status_code == 302
    assert response["Location"] == f"{LOGGED_OUT}?state=bye-123"
    assert response.cookies[COOKIE_NAME]["max-age"] == 0
    assert IdpSession.objects.get().ended_at is not None
    assert _silent_login_answer(idp)["error"] == "login_required"
    bearer = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert idp.get("/devidp/userinfo", headers=bearer).status_code == 401


def test_an_unregistered_post_logout_redirect_uri_is_not_followed(
    idp: BrowserClient, portal_headers: dict[str, str]
) -> None:
    tokens = _log_in(idp, portal_headers)
    params = {
        "id_token_hint": tokens["id_token"],
        "post_logout_redirect_uri": "http://evil.example/identity/logged-out/",
    }
    response = idp.get("/devidp/end-session", params)
    assert response.status_code == 200
    assert "Location" not in response
    assert IdpSession.objects.get().ended_at is not None


def test_without_an_id_token_hint_the_person_confirms_first(
    idp: BrowserClient, portal_headers: dict[str, str]
) -> None:
    _log_in(idp, portal_headers)
    params = {"client_id": "asiointi", "post_logout_redirect_uri": LOGGED_OUT, "state": "s1"}
    page = idp.get("/devidp/end-session", params)
    assert page.status_code == 200
    assert IdpSession.objects.get().ended_at is None
    confirm = form(page.content.decode(), "/devidp/end-session/confirm")
    response = idp.post(confirm.action, confirm.fields)
    assert response.status_code == 302
    assert response["Location"] == f"{LOGGED_OUT}?state=s1"
    assert IdpSession.objects.get().ended_at is not None


def test_a_forged_id_token_hint_gets_an_error_page_and_ends_nothing(
    idp: BrowserClient, portal_headers: dict[str, str]
) -> None:
    _log_in(idp, portal_headers)
    params = {"id_token_hint": "e30.e30.forged", "post_logout_redirect_uri": LOGGED_OUT}
    response = idp.get("/devidp/end-session", params)
    assert response.status_code == 400
    assert "Location" not in response
    assert IdpSession.objects.get().ended_at is None


def test_a_hint_for_another_client_is_refused(
    idp: BrowserClient, portal_headers: dict[str, str]
) -> None:
    tokens = _log_in(idp, portal_headers)
    params = {"id_token_hint": tokens["id_token"], "client_id": "other-service"}
    assert idp.get("/devidp/end-session", params).status_code == 400
