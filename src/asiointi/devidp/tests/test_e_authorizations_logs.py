"""The identity code in the e-Authorizations register path stays out of the request logs."""

import logging

import pytest

from asiointi.devidp.logging import identity_code_redact

PATH = "/devidp/valtuudet/service/ypa/user/register/asiointi/010280-952L?requestId=ab"


def test_the_register_path_is_logged_without_the_identity_code(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.INFO, logger="django.server"):
        logging.getLogger("django.server").info('"%s" %s %s', f"GET {PATH} HTTP/1.1", "200", "45")
        logging.getLogger("django.request").warning("Unauthorized: %s", PATH)
    assert "010280-952L" not in caplog.text
    assert "/register/asiointi/***?requestId=ab" in caplog.text


def test_other_paths_are_logged_as_they_are() -> None:
    assert identity_code_redact("/devidp/authorize?x=1") == "/devidp/authorize?x=1"
