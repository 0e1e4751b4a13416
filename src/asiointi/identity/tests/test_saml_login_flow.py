"""A resident logs in with Suomi.fi over SAML: signed AuthnRequest, signed Response."""

import pytest
from django.test import Client
from django.utils import timezone

from asiointi.identity.models import LoginSession, User
from asiointi.identity.tests.factories import logged_in_client
from asiointi.identity.tests.saml_idp import SSO_URL, TestIdp, query
from asiointi.identity.tests.saml_steps import log_in, post_from_idp, start_login
from asiointi.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_a_resident_logs_in_through_suomi_fi_and_back(saml_idp: TestIdp, resident: Client) -> None:
    page = log_in(resident, saml_idp)
    html = page.content.decode()
    assert page.request["PATH_INFO"] == "/fi/kirjaudu/onnistui/"
    assert "Tunnistautuminen onnistui" in html
    assert "Tessa" in html
    assert "010280-952L" not in html
    person = User.objects.get()
    assert person.identity_code_masked == "010280-****"
    assert person.home_municipality_code == "091"
    assert person.street_address == "Mannerheimintie 1"
    assert AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN, target="saml").exists()


def test_an_encrypted_assertion_is_read(saml_idp: TestIdp, resident: Client) -> None:
    page = log_in(resident, saml_idp, encrypt=True)
    assert "Tunnistautuminen onnistui" in page.content.decode()


def test_the_authn_request_is_signed_and_asks_for_the_configured_assurance(
    saml_idp: TestIdp, resident: Client
) -> None:
    location = start_login(resident, language="sv")
    assert location.startswith(SSO_URL)
    params = query(location)
    assert params["SigAlg"] == "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
    request = saml_idp.authn_request(location)  # raises unless the signature is the portal's
    context = request.requested_authn_context
    assert context.comparison == "exact"
    assert [ref.text for ref in context.authn_context_class_ref] == [
        "http://ftn.ficora.fi/2017/loa2"
    ]
    assert request.name_id_policy.format == "urn:oasis:names:tc:SAML:2.0:nameid-format:transient"
    assert request.assertion_consumer_service_url == "https://testserver/identity/saml/acs"
    vetuma = request.extensions.extension_elements[0]
    assert (vetuma.namespace, vetuma.tag) == ("urn:vetuma:SAML:2.0:extensions", "vetuma")
    assert [(element.tag, element.text) for element in vetuma.children] == [("LG", "sv")]


def test_an_authn_request_with_a_broken_signature_is_refused_by_the_idp(
    saml_idp: TestIdp, resident: Client
) -> None:
    location = start_login(resident)
    params = query(location)
    tampered = location.replace(
        "Signature=", "Signature=" + ("A" if params["Signature"][0] != "A" else "B"), 1
    )
    with pytest.raises(Exception, match="not signed correctly"):
        saml_idp.authn_request(tampered)


def test_the_login_is_tied_to_suomi_fi_s_session(saml_idp: TestIdp, resident: Client) -> None:
    log_in(resident, saml_idp)
    login = LoginSession.objects.get()
    assert login.provider == "saml"
    assert login.provider_subject == saml_idp.name_id.text
    assert login.provider_session_id
    assert login.session_key == resident.cookies["sessionid"].value


def test_the_session_id_changes_at_login(saml_idp: TestIdp, resident: Client) -> None:
    location = start_login(resident)
    before = resident.cookies["sessionid"].value
    post_from_idp(resident, saml_idp.response(location))
    assert resident.cookies["sessionid"].value not in ("", before)


def test_a_registered_resident_returns_to_where_they_were_going(
    saml_idp: TestIdp, resident: Client
) -> None:
    # The same identity code is the same account, whichever way the person identified before.
    logged_in_client(Client())
    User.objects.update(registered_at=timezone.now())
    page = log_in(resident, saml_idp)
    assert 'href="/fi/palvelut/"' in page.content.decode()
    assert User.objects.count() == 1
