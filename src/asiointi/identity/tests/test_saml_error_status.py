"""When Suomi.fi identifies no one, the person gets a clear page, not an error."""

import pytest
from django.test import Client
from saml2.samlp import STATUS_AUTHN_FAILED, STATUS_NO_AUTHN_CONTEXT, STATUS_REQUEST_DENIED

from asiointi.identity.models import User
from asiointi.identity.tests.saml_idp import TestIdp
from asiointi.identity.tests.saml_steps import post_from_idp, start_login

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (STATUS_AUTHN_FAILED, "Keskeytit tunnistautumisen."),
        (STATUS_REQUEST_DENIED, "Keskeytit tunnistautumisen."),
        (STATUS_NO_AUTHN_CONTEXT, "Tunnistuspalvelu ei pystynyt tunnistamaan sinua."),
    ],
)
def test_an_error_status_gives_a_clear_page_with_a_retry(
    saml_idp: TestIdp, resident: Client, status: str, message: str
) -> None:
    answer = post_from_idp(resident, saml_idp.error_response(start_login(resident), status))
    assert answer.status_code == 302
    html = resident.get(answer["Location"]).content.decode()
    assert message in html
    assert "Yritä uudelleen" in html
    assert 'name="next" value="/fi/palvelut/"' in html
    assert not User.objects.exists()


def test_the_failure_page_is_in_the_language_the_login_started_in(
    saml_idp: TestIdp, resident: Client
) -> None:
    location = start_login(resident, next_url="/sv/", language="sv")
    answer = post_from_idp(resident, saml_idp.error_response(location, STATUS_AUTHN_FAILED))
    assert answer["Location"].startswith("/sv/")
