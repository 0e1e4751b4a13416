"""Suomi.fi's level of assurance decides: anything below what the portal accepts is refused."""

import pytest
from django.conf import LazySettings
from django.test import Client

from asiointi.identity.models import User
from asiointi.identity.tests.saml_idp import TestIdp
from asiointi.identity.tests.saml_steps import log_in

pytestmark = pytest.mark.django_db

TOO_WEAK = "ei ole tähän palveluun riittävän vahva"
LOA3 = "http://ftn.ficora.fi/2017/loa3"


def test_a_method_below_substantial_is_refused(saml_idp: TestIdp, resident: Client) -> None:
    page = log_in(resident, saml_idp, loa="urn:oid:1.2.246.517.3002.110.999")
    assert TOO_WEAK in page.content.decode()
    assert not User.objects.exists()


def test_substantial_is_refused_where_only_high_is_accepted(
    saml_idp: TestIdp, resident: Client, settings: LazySettings
) -> None:
    settings.SAML_ACCEPTED_LOA = [LOA3]
    page = log_in(resident, saml_idp)
    assert TOO_WEAK in page.content.decode()


def test_high_assurance_is_recorded_with_the_login(saml_idp: TestIdp, resident: Client) -> None:
    page = log_in(resident, saml_idp, loa=LOA3)
    assert "Tunnistautuminen onnistui" in page.content.decode()
    assert resident.session["identity_loa"] == "high"
    assert resident.session["identity_method"] == LOA3


def test_the_requested_level_is_configurable(
    saml_idp: TestIdp, resident: Client, settings: LazySettings
) -> None:
    from asiointi.identity.tests.saml_steps import start_login

    settings.SAML_REQUESTED_LOA = [LOA3]
    request = saml_idp.authn_request(start_login(resident))
    refs = [ref.text for ref in request.requested_authn_context.authn_context_class_ref]
    assert refs == [LOA3]
