"""The admin's lockout (django-axes) counts password logins only: residents identify strongly
and are neither counted, logged nor locked out by it."""

import pytest
from axes.models import AccessAttempt, AccessLog
from django.test import Client

from asiointi.identity.tests.saml_idp import TestIdp
from asiointi.identity.tests.saml_steps import log_in

pytestmark = pytest.mark.django_db


def test_many_resident_logins_leave_no_lockout_rows(saml_idp: TestIdp, resident: Client) -> None:
    for _ in range(6):
        landing = log_in(resident, saml_idp)
        assert landing.status_code == 200
        assert resident.get("/fi/asiointikansio/").status_code == 200
    assert not AccessAttempt.objects.exists()
    assert not AccessLog.objects.exists()
