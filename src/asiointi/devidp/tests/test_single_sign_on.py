"""The provider keeps its own session in its own cookie, apart from the portal's session."""

from django.conf import settings
from django.test import Client as BrowserClient

from asiointi.devidp import claims
from asiointi.devidp.sessions import COOKIE_NAME
from asiointi.devidp.tests.support import authorization_request, form, identify, query


def test_identifying_sets_the_providers_own_cookie_only(idp: BrowserClient) -> None:
    response = identify(idp, authorization_request())
    cookie = response.cookies[COOKIE_NAME]
    assert cookie["path"] == "/devidp"
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert settings.SESSION_COOKIE_NAME not in idp.cookies


def test_a_second_request_offers_to_continue_as_the_identified_person(
    idp: BrowserClient,
) -> None:
    identify(idp, authorization_request(), person="kivi-joni")
    request = authorization_request()
    page = idp.get("/devidp/authorize", request.params)
    assert "Kivi Joni Kristian" in page.content.decode()
    chooser = form(page.content.decode(), "/devidp/authorize/method")
    assert ("action", "continue") in chooser.buttons
    response = idp.post(chooser.action, {**chooser.fields, "action": "continue"})
    answer = query(response["Location"])
    assert answer["code"] and answer["state"] == request.state


def test_prompt_login_always_asks_again(idp: BrowserClient) -> None:
    identify(idp, authorization_request())
    page = idp.get("/devidp/authorize", authorization_request(prompt="login").params)
    chooser = form(page.content.decode(), "/devidp/authorize/method")
    assert ("action", "continue") not in chooser.buttons


def test_a_higher_level_than_the_session_has_asks_again(idp: BrowserClient) -> None:
    identify(idp, authorization_request(acr_values=claims.LOA_SUBSTANTIAL))
    page = idp.get("/devidp/authorize", authorization_request(acr_values=claims.LOA_HIGH).params)
    chooser = form(page.content.decode(), "/devidp/authorize/method")
    assert ("action", "continue") not in chooser.buttons


def test_prompt_none_answers_at_once_with_a_session_and_login_required_without(
    idp: BrowserClient,
) -> None:
    silent = authorization_request(prompt="none")
    answer = query(idp.get("/devidp/authorize", silent.params)["Location"])
    assert (answer["error"], answer["state"]) == ("login_required", silent.state)
    identify(idp, authorization_request())
    silent = authorization_request(prompt="none")
    answer = query(idp.get("/devidp/authorize", silent.params)["Location"])
    assert answer["code"]


def test_a_forged_cookie_is_no_session(idp: BrowserClient) -> None:
    idp.cookies[COOKIE_NAME] = "made-up-sid"
    silent = authorization_request(prompt="none")
    answer = query(idp.get("/devidp/authorize", silent.params)["Location"])
    assert answer["error"] == "login_required"
