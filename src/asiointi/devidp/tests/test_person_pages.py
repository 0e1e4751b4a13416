"""The person's pages: a method chooser like Suomi.fi's, then the test person chooser, in the
language the service asked for, with no JavaScript and no identity code in any address."""

import logging
import re

import pytest
from django.test import Client as BrowserClient

from asiointi.devidp.persons import all_persons
from asiointi.devidp.tests.support import (
    TESSA_HETU,
    authorization_request,
    exchange,
    form,
    identify,
    query,
)

METHOD_NAMES = {
    "fi": ["Verkkopankki", "Mobiilivarmenne", "Varmennekortti", "Peruuta ja palaa palveluun"],
    "sv": ["Nätbank", "Mobilcertifikat", "Certifikatkort", "Avbryt och återgå till tjänsten"],
    "en": ["Online bank", "Mobile certificate", "Certificate card", "Cancel and return"],
}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_method_chooser_speaks_the_language_of_ui_locales(
    idp: BrowserClient, language: str
) -> None:
    request = authorization_request(ui_locales=f"{language} fi")
    page = idp.get("/devidp/authorize", request.params, headers={"Accept-Language": "de"})
    html = page.content.decode()
    assert f'<html lang="{language}">' in html
    for name in METHOD_NAMES[language]:
        assert name in html


def test_without_ui_locales_the_browsers_language_is_used(idp: BrowserClient) -> None:
    page = idp.get(
        "/devidp/authorize", authorization_request().params, headers={"Accept-Language": "sv"}
    )
    assert "Nätbank" in page.content.decode()


def test_every_page_says_it_is_a_test_identity_provider(idp: BrowserClient) -> None:
    page = idp.get("/devidp/authorize", authorization_request(ui_locales="fi").params)
    assert "testitunnistaja" in page.content.decode().lower()


def test_the_person_chooser_shows_every_test_person_with_the_full_identity_code(
    idp: BrowserClient,
) -> None:
    page = idp.get("/devidp/authorize", authorization_request().params)
    chooser = form(page.content.decode(), "/devidp/authorize/method")
    html = idp.post(chooser.action, {**chooser.fields, "action": "card"}).content.decode()
    for person in all_persons():
        assert person.identity_code in html
        assert person.full_name in html
    assert "010594Y9032" in html and "010516B903X" in html


def test_identity_codes_never_appear_in_addresses_or_form_values(idp: BrowserClient) -> None:
    request = authorization_request()
    page = idp.get("/devidp/authorize", request.params)
    chooser = form(page.content.decode(), "/devidp/authorize/method")
    html = idp.post(chooser.action, {**chooser.fields, "action": "bank"}).content.decode()
    # Links, form addresses and every value a form posts: the person travels as a key.
    posted = re.findall(r'(?:href|action|value)="([^"]*)"', html)
    codes = [person.identity_code for person in all_persons()]
    assert not [value for value in posted for code in codes if code in value]
    response = identify(idp, request, person="kivi-joni")
    assert "010469-999W" not in response["Location"]


def test_identity_codes_never_appear_in_log_lines(
    idp: BrowserClient, portal_headers: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    request = authorization_request()
    code = query(identify(idp, request)["Location"])["code"]
    token = exchange(idp, code, request, headers=portal_headers).json()
    idp.get("/devidp/userinfo", headers={"Authorization": f"Bearer {token['access_token']}"})
    exchange(idp, code, request, headers=portal_headers)  # refused: logged as a bad request
    idp.post("/devidp/sessions/end")
    assert caplog.records
    assert TESSA_HETU not in caplog.text


def test_the_pages_are_never_cached(idp: BrowserClient) -> None:
    page = idp.get("/devidp/authorize", authorization_request().params)
    assert "no-store" in page["Cache-Control"]
    assert "no-store" in idp.get("/devidp/").get("Cache-Control", "")


def test_the_forms_are_protected_against_cross_site_requests(idp: BrowserClient) -> None:
    page = idp.get("/devidp/authorize", authorization_request().params)
    chooser = form(page.content.decode(), "/devidp/authorize/method")
    assert chooser.fields["csrfmiddlewaretoken"]
    strict = BrowserClient(HTTP_HOST="localhost", enforce_csrf_checks=True)
    forged = strict.post(
        chooser.action, {"authorization": chooser.fields["authorization"], "action": "bank"}
    )
    assert forged.status_code == 403


def test_a_tampered_or_stale_step_gets_an_error_page(idp: BrowserClient) -> None:
    response = idp.post("/devidp/authorize/method", {"authorization": "forged", "action": "bank"})
    assert response.status_code == 400
    assert "Location" not in response


def test_not_choosing_a_person_asks_again(idp: BrowserClient) -> None:
    page = idp.get("/devidp/authorize", authorization_request().params)
    chooser = form(page.content.decode(), "/devidp/authorize/method")
    page = idp.post(chooser.action, {**chooser.fields, "action": "bank"})
    persons = form(page.content.decode(), "/devidp/authorize/person")
    data = {k: v for k, v in persons.fields.items() if k != "person"}
    again = idp.post(persons.action, {**data, "action": "identify"})
    assert again.status_code == 400
    assert "Location" not in again
