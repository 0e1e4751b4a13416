"""Only a Response whose assertion Suomi.fi signed logs anyone in."""

import base64

import pytest
from django.test import Client

from asiointi.identity.models import User
from asiointi.identity.tests.saml_idp import TestIdp
from asiointi.identity.tests.saml_steps import post_from_idp, start_login
from asiointi.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db

FAILED = "Tunnistuspalvelu ei pystynyt tunnistamaan sinua."


def refused(resident: Client, form: dict[str, str]) -> str:
    answer = post_from_idp(resident, form)
    assert answer.status_code == 302
    page = resident.get(answer["Location"])
    html = page.content.decode()
    assert "Kirjaudu ulos" not in html
    assert not User.objects.exists()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN_FAILED).exists()
    return html


def test_an_unsigned_response_is_refused(saml_idp: TestIdp, resident: Client) -> None:
    form = saml_idp.response(start_login(resident), sign=False)
    assert FAILED in refused(resident, form)


def test_a_tampered_response_is_refused(saml_idp: TestIdp, resident: Client) -> None:
    form = saml_idp.response(start_login(resident))
    xml = base64.b64decode(form["SAMLResponse"]).decode()
    assert "010280-952L" in xml
    tampered = base64.b64encode(xml.replace("010280-952L", "010469-999W").encode()).decode()
    assert FAILED in refused(resident, {"SAMLResponse": tampered})


def test_a_response_that_is_not_saml_is_refused(saml_idp: TestIdp, resident: Client) -> None:
    start_login(resident)
    html = refused(resident, {"SAMLResponse": base64.b64encode(b"<html/>").decode()})
    assert "Tunnistautuminen kesti liian kauan tai se oli jo käytetty." in html
    html = refused(resident, {"SAMLResponse": "not base64 at all"})
    assert "Tunnistautuminen kesti liian kauan tai se oli jo käytetty." in html
