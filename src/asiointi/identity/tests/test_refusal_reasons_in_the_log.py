"""The server log names why an identification was refused, without the person's data."""

import logging

import pytest
import requests

from asiointi.devidp.tests.support import TESSA_HETU
from asiointi.identity.tests.oidc_steps import identify, start_login

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(
    ("outcome", "logged"),
    [
        ("too_low", "identification refused (low-assurance): acr too weak: "),
        ("failed", "identification refused (failed): provider answered "),
    ],
)
def test_a_refused_identification_logs_its_reason(
    devidp_portal: str, caplog: pytest.LogCaptureFixture, outcome: str, logged: str
) -> None:
    browser = requests.Session()
    with caplog.at_level(logging.INFO):
        identify(browser, start_login(browser, devidp_portal), outcome=outcome)
    assert logged in caplog.text
    assert "Exception" not in caplog.text
    assert TESSA_HETU not in caplog.text


def test_a_replayed_answer_logs_a_state_mismatch(
    devidp_portal: str, caplog: pytest.LogCaptureFixture
) -> None:
    browser = requests.Session()
    landing = identify(browser, start_login(browser, devidp_portal))
    callback = next(r for r in landing.history if "/identity/oidc/callback/" in r.url).url
    with caplog.at_level(logging.INFO):
        requests.get(callback, timeout=30)
    assert "identification refused (expired): state mismatch" in caplog.text
    assert TESSA_HETU not in caplog.text
