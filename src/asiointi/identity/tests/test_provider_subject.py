"""An OpenID login keeps the provider's `sub`, how the GDPR API names the person."""

import pytest
from django.test import Client

from asiointi.identity.tests.factories import logged_in_client

pytestmark = pytest.mark.django_db


def test_an_openid_login_keeps_the_subject_and_a_later_holder_takes_it_over() -> None:
    tessa = logged_in_client(Client(), provider_subject="sub-1")
    assert tessa.provider_subject == "sub-1"
    joni = logged_in_client(Client(), identity_code="010469-999W", provider_subject="sub-1")
    tessa.refresh_from_db()
    assert joni.provider_subject == "sub-1" and tessa.provider_subject is None


def test_a_saml_name_id_is_not_kept() -> None:
    person = logged_in_client(Client(), provider="saml", provider_subject="transient-1")
    assert person.provider_subject is None
