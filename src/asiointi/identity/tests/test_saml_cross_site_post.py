"""Suomi.fi POSTs the Response from its own site: the browser leaves out the portal's SameSite=Lax
session cookie there, and the login still works, without loosening that cookie."""

import pytest
from django.test import Client

from asiointi.identity.providers.saml_pending import COOKIE_NAME
from asiointi.identity.tests.saml_idp import TestIdp
from asiointi.identity.tests.saml_steps import ACS, HttpsClient, post_from_idp, start_login

pytestmark = pytest.mark.django_db


def test_the_acs_works_without_the_lax_session_cookie(saml_idp: TestIdp, resident: Client) -> None:
    location = start_login(resident)
    assert resident.cookies["sessionid"]["samesite"] == "Lax"
    answer = post_from_idp(resident, saml_idp.response(location))
    sent = answer.wsgi_request.COOKIES
    assert COOKIE_NAME in sent
    assert "sessionid" not in sent
    assert answer["Location"] == "/fi/kirjaudu/onnistui/"
    page = resident.get(answer["Location"])
    assert "Tunnistautuminen onnistui" in page.content.decode()
    assert resident.cookies["sessionid"]["samesite"] == "Lax"


def test_the_saml_cookie_is_cross_site_only_on_https_and_holds_no_personal_data(
    saml_idp: TestIdp, resident: Client
) -> None:
    start_login(resident)
    cookie = resident.cookies[COOKIE_NAME]
    assert cookie["samesite"] == "None"
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["path"] == "/identity/saml/"
    assert int(cookie["max-age"]) == 900
    assert len(cookie.value) == 32  # a random key, nothing else
    plain_http = Client()
    plain_http.get("/fi/kirjaudu/")
    plain_http.post("/fi/kirjaudu/aloita/")
    assert plain_http.cookies[COOKIE_NAME]["samesite"] == ""
    assert plain_http.cookies[COOKIE_NAME]["secure"] == ""


def test_a_response_brought_by_another_browser_is_refused(
    saml_idp: TestIdp, resident: Client
) -> None:
    # Someone identifies themself and makes another person's browser post their Response:
    # without the SAML cookie of the browser that started the login it logs no one in.
    form = saml_idp.response(start_login(resident))
    victim = HttpsClient()
    answer = victim.post(ACS, form)
    assert answer["Location"] == "/fi/kirjaudu/epaonnistui/?reason=expired"
    assert "Kirjaudu ulos" not in victim.get("/fi/").content.decode()
    page = resident.get("/fi/")
    assert "Kirjaudu ulos" not in page.content.decode()
