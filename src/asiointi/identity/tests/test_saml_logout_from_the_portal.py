"""Logging out of the portal ends its session first, then sends Suomi.fi a signed LogoutRequest;
Suomi.fi's LogoutResponse brings the person to the logged-out page."""

import logging
from importlib import import_module

import pytest
from django.conf import LazySettings, settings
from django.test import Client

from asiointi.identity.models import LoginSession
from asiointi.identity.tests.saml_idp import SLO_URL, TestIdp, query
from asiointi.identity.tests.saml_steps import SLS, log_in
from asiointi.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db


def session_exists(key: str) -> bool:
    return bool(import_module(settings.SESSION_ENGINE).SessionStore().exists(key))


def test_logout_sends_a_signed_logout_request_after_the_portal_session_is_gone(
    saml_idp: TestIdp, resident: Client, settings: LazySettings
) -> None:
    log_in(resident, saml_idp)
    login = LoginSession.objects.get()
    response = resident.post("/fi/kirjaudu-ulos/")
    location = response["Location"]
    assert location.startswith(SLO_URL + "?")
    # Before the browser even reaches Suomi.fi, the portal session no longer exists.
    assert not session_exists(login.session_key)
    assert not LoginSession.objects.exists()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.LOGOUT).count() == 1
    assert query(location)["SigAlg"] == "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
    assert saml_idp.signed_by_sp(location, settings.SAML_SP_CERT_FILE)
    request = saml_idp.logout_request_from_portal(location)
    assert request.name_id.text == saml_idp.name_id.text
    assert request.name_id.format == "urn:oasis:names:tc:SAML:2.0:nameid-format:transient"
    assert [index.text for index in request.session_index] == [login.provider_session_id]


def test_suomi_fi_s_logout_response_lands_on_the_logged_out_page(
    saml_idp: TestIdp, resident: Client
) -> None:
    log_in(resident, saml_idp)
    location = resident.post("/sv/logga-ut/")["Location"]
    back = saml_idp.logout_response(saml_idp.logout_request_from_portal(location))
    assert back.startswith(SLS + "?SAMLResponse=")
    landing = resident.get(back)
    assert landing["Location"] == "/sv/utloggad/"
    page = resident.get(landing["Location"])
    assert "Du har loggat ut" in page.content.decode()
    assert "Logga ut" not in resident.get("/sv/").content.decode()


def test_an_unsigned_or_repeated_logout_response_is_only_logged(
    saml_idp: TestIdp, resident: Client, caplog: pytest.LogCaptureFixture
) -> None:
    log_in(resident, saml_idp)
    request = saml_idp.logout_request_from_portal(resident.post("/fi/kirjaudu-ulos/")["Location"])
    with caplog.at_level(logging.WARNING):
        unsigned = resident.get(saml_idp.logout_response(request, sign=False))
        signed = saml_idp.logout_response(request)
        resident.get(signed)
        again = resident.get(signed)
    # The portal session ended before the LogoutRequest: the person is logged out either way.
    assert unsigned["Location"] == again["Location"] == "/fi/uloskirjautunut/"
    assert "SAML logout response refused: signature" in caplog.text
    assert "SAML logout response refused: unknown or answered request" in caplog.text
