import sys

import pytest
from django.test import Client, RequestFactory, override_settings
from django.views.debug import ExceptionReporter

from asiointi.identity.tests.factories import identification, logged_in_client

pytestmark = pytest.mark.django_db


def test_the_debug_error_page_does_not_show_the_identity_code(client: Client) -> None:
    code = identification().identity_code
    with override_settings(IDENTITY_CODE_ENCRYPTION_KEYS=["not a valid key"]):
        try:
            logged_in_client(client)
        except ValueError:
            reporter = ExceptionReporter(RequestFactory().get("/"), *sys.exc_info())
        else:
            pytest.fail("a broken encryption key must stop the login")
    frames = reporter.get_traceback_frames()
    assert any(frame["function"] == "person_login" for frame in frames)
    portal_frames = [frame for frame in frames if "/tests/" not in frame["filename"]]
    shown = [str(value) for frame in portal_frames for _name, value in frame["vars"]]
    assert not [value for value in shown if code in value]
