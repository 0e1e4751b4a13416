"""When the person logs out in another e-service, Suomi.fi sends the portal a LogoutRequest: the
portal session ends and Suomi.fi gets a signed LogoutResponse."""

import time

import pytest
from django.conf import LazySettings
from django.test import Client
from saml2 import BINDING_HTTP_REDIRECT

from asiointi.identity.models import LoginSession
from asiointi.identity.services import SESSION_LAST_SEEN
from asiointi.identity.tests.saml_idp import SLO_URL, TestIdp, query
from asiointi.identity.tests.saml_steps import SLS, HttpsClient, log_in
from asiointi.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db


def logged_in(resident: Client) -> bool:
    return "Kirjaudu ulos" in resident.get("/fi/").content.decode()


def test_the_portal_session_ends_and_suomi_fi_gets_a_signed_answer(
    saml_idp: TestIdp, resident: Client, settings: LazySettings
) -> None:
    log_in(resident, saml_idp)
    session = resident.session
    session[SESSION_LAST_SEEN] = time.time() - 90  # so this request would save the session
    session.save()
    session_index = LoginSession.objects.get().provider_session_id
    response = resident.get(saml_idp.logout_request(SLS, session_index=session_index))
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
    event = AuditEvent.objects.filter(action=AuditEvent.Action.LOGOUT).get()
    assert event.details == {"started_by": "identity provider"}


def test_the_session_ends_even_when_the_request_comes_through_another_browser(
    saml_idp: TestIdp, resident: Client
) -> None:
    log_in(resident, saml_idp)
    session_index = LoginSession.objects.get().provider_session_id
    other = HttpsClient()
    assert other.get(saml_idp.logout_request(SLS, session_index=session_index)).status_code == 302
    assert not logged_in(resident)


@pytest.mark.parametrize("tamper", ["unsigned", "bad signature", "other session"])
def test_a_logout_request_not_signed_by_suomi_fi_ends_nothing(
    saml_idp: TestIdp, resident: Client, tamper: str
) -> None:
    log_in(resident, saml_idp)
    session_index = LoginSession.objects.get().provider_session_id
    if tamper == "other session":
        url = saml_idp.logout_request(SLS, session_index="some-other-session")
        assert resident.get(url).status_code == 302
    else:
        url = saml_idp.logout_request(SLS, session_index=session_index, sign=tamper != "unsigned")
        if tamper == "bad signature":
            url = url.replace("Signature=", "Signature=AAAA", 1)
        assert resident.get(url).status_code == 400
    assert logged_in(resident)
