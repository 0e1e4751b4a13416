"""A Response Suomi.fi signed for another e-service's address logs no one in here."""

import pytest
from django.test import Client

from asiointi.identity.models import User
from asiointi.identity.tests.saml_idp import TestIdp
from asiointi.identity.tests.saml_steps import post_from_idp, start_login

pytestmark = pytest.mark.django_db


def test_a_response_addressed_to_another_service_is_refused(
    saml_idp: TestIdp, resident: Client
) -> None:
    form = saml_idp.response(
        start_login(resident), destination="https://other-service.example/saml/acs"
    )
    answer = post_from_idp(resident, form)
    html = resident.get(answer["Location"]).content.decode()
    assert "Tunnistuspalvelu ei pystynyt tunnistamaan sinua." in html
    assert not User.objects.exists()
