"""Single logout by HTTP-POST as well as by HTTP-Redirect: Suomi.fi's auto-submitted form comes
cross-site without a CSRF token, so the IdP's signature in the XML is what is checked; anything
not signed by the IdP is refused on the portal's own page, in the person's language."""

import base64
import logging
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.conf import LazySettings
from django.test import Client
from saml2 import BINDING_HTTP_REDIRECT

from asiointi.identity.models import LoginSession
from asiointi.identity.tests.saml_idp import SLO_URL, TestIdp, query
from asiointi.identity.tests.saml_steps import SLS, HttpsClient, log_in

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as TestResponse

pytestmark = pytest.mark.django_db

SLS_PATH = "/identity/saml/sls"


def logged_in(resident: Client) -> bool:
    return "Kirjaudu ulos" in resident.get("/fi/").content.decode()


def from_idp_site(form: dict[str, str], language: str = "") -> "TestResponse":
    """Suomi.fi's auto-submitted form: cross-site, so no session, CSRF or language cookie; the
    CSRF check is on, as in a real browser."""
    browser = HttpsClient(enforce_csrf_checks=True)
    headers = {"Accept-Language": language} if language else {}
    return browser.post(SLS_PATH, form, headers=headers)


def test_a_signed_logout_request_by_post_ends_the_session_and_is_answered(
    saml_idp: TestIdp, resident: Client, settings: LazySettings
) -> None:
    log_in(resident, saml_idp)
    session_index = LoginSession.objects.get().provider_session_id
    response = from_idp_site(saml_idp.logout_request_post(SLS, session_index=session_index))
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(SLO_URL + "?SAMLResponse=")
    assert saml_idp.signed_by_sp(location, settings.SAML_SP_CERT_FILE)
    assert query(location)["RelayState"] == "rs-1"
    assert saml_idp.server is not None
    answer = saml_idp.server.parse_logout_request_response(
        query(location)["SAMLResponse"], BINDING_HTTP_REDIRECT
    )
    assert answer.response.status.status_code.value == "urn:oasis:names:tc:SAML:2.0:status:Success"
    assert not logged_in(resident)
    assert not LoginSession.objects.exists()


def tampered(form: dict[str, str]) -> dict[str, str]:
    """The signed XML with the session index changed after signing."""
    xml = base64.b64decode(form["SAMLRequest"]).decode()
    changed = xml.replace("<ns0:SessionIndex>", "<ns0:SessionIndex>x", 1)
    changed = changed.replace("<samlp:SessionIndex>", "<samlp:SessionIndex>x", 1)
    assert changed != xml
    return {**form, "SAMLRequest": base64.b64encode(changed.encode()).decode()}


@pytest.mark.parametrize("wrong", ["unsigned", "changed after signing", "another key"])
def test_a_logout_request_by_post_not_signed_by_the_idp_ends_nothing(
    saml_idp: TestIdp,
    resident: Client,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    wrong: str,
) -> None:
    log_in(resident, saml_idp)
    session_index = LoginSession.objects.get().provider_session_id
    if wrong == "unsigned":
        form = saml_idp.logout_request_post(SLS, session_index=session_index, sign=False)
    elif wrong == "changed after signing":
        form = tampered(saml_idp.logout_request_post(SLS, session_index=session_index))
    else:
        impostor = TestIdp(tmp_path)  # the same entity id, its own key
        assert saml_idp.server is not None
        impostor.know_sp(HttpsClient().get("/identity/saml/metadata").content.decode())
        impostor.name_id = saml_idp.name_id
        form = impostor.logout_request_post(SLS, session_index=session_index)
    with caplog.at_level(logging.WARNING):
        response = from_idp_site(form, language="sv")
    assert response.status_code == 400
    page = response.content.decode()
    assert 'lang="sv"' in page
    assert "Utloggningen kunde inte behandlas" in page
    assert 'href="/sv/"' in page
    assert "SAML logout request refused: signature" in caplog.text
    assert logged_in(resident)


def test_a_signed_logout_response_by_post_lands_on_the_logged_out_page_in_the_language(
    saml_idp: TestIdp, resident: Client
) -> None:
    log_in(resident, saml_idp)
    location = resident.post("/sv/logga-ut/")["Location"]
    form = saml_idp.logout_response_post(saml_idp.logout_request_from_portal(location))
    response = from_idp_site(form)
    assert response.status_code == 302
    # Back on the portal's own site with a GET, the language cookie set at logout comes along.
    landing = resident.get(response["Location"])
    assert landing["Location"] == "/sv/utloggad/"
    assert "Du har loggat ut" in resident.get(landing["Location"]).content.decode()


def test_an_unsigned_logout_response_by_post_is_only_logged(
    saml_idp: TestIdp, resident: Client, caplog: pytest.LogCaptureFixture
) -> None:
    log_in(resident, saml_idp)
    location = resident.post("/fi/kirjaudu-ulos/")["Location"]
    form = saml_idp.logout_response_post(saml_idp.logout_request_from_portal(location), sign=False)
    with caplog.at_level(logging.WARNING):
        response = from_idp_site(form)
    # The portal session ended before the LogoutRequest: the person is logged out either way.
    assert response.status_code == 302
    assert "SAML logout response refused: signature" in caplog.text
    assert not logged_in(resident)


def test_a_bad_redirect_logout_request_gets_the_portal_s_page_in_the_language(
    saml_idp: TestIdp, resident: Client
) -> None:
    log_in(resident, saml_idp)
    session_index = LoginSession.objects.get().provider_session_id
    url = saml_idp.logout_request(SLS, session_index=session_index, sign=False)
    resident.cookies["asiointi_language"] = "en"
    response = resident.get(url)
    assert response.status_code == 400
    page = response.content.decode()
    assert 'lang="en"' in page
    assert "The logout could not be handled" in page
    assert 'href="/en/"' in page
    assert logged_in(resident)


def test_a_message_that_is_neither_is_refused_on_the_portal_s_page(saml_idp: TestIdp) -> None:
    response = from_idp_site({"something": "else"}, language="fi")
    assert response.status_code == 400
    assert "Uloskirjautumista ei voitu käsitellä" in response.content.decode()
