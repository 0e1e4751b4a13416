"""The identity code travels inside the signed assertion only: never in a URL or a log line."""

import logging

import pytest
from django.test import Client

from asiointi.identity.tests.saml_idp import TestIdp
from asiointi.identity.tests.saml_steps import post_from_idp, start_login

pytestmark = pytest.mark.django_db

CODE = "010280-952L"


@pytest.mark.parametrize("encrypt", [False, True])
def test_a_login_logs_nothing_of_the_identity_code_even_at_debug_level(
    saml_idp: TestIdp, resident: Client, caplog: pytest.LogCaptureFixture, encrypt: bool
) -> None:
    with caplog.at_level(logging.DEBUG):
        location = start_login(resident)
        answer = post_from_idp(resident, saml_idp.response(location, encrypt=encrypt))
        page = resident.get(answer["Location"])
    assert "Tunnistautuminen onnistui" in page.content.decode()
    assert caplog.records  # the login did log, at DEBUG level
    assert CODE not in caplog.text
    assert "010280" not in caplog.text
    for url in (location, answer["Location"], page.request["PATH_INFO"]):
        assert CODE not in url


def test_a_refused_response_logs_nothing_of_the_identity_code(
    saml_idp: TestIdp, resident: Client, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        form = saml_idp.response(start_login(resident), sign=False)
        post_from_idp(resident, form)
    assert "identification refused (failed): signature did not verify" in caplog.text
    assert "010280" not in caplog.text
