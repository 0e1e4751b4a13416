"""Two clerks pressing the same status button at the same moment, each request on its own
PostgreSQL connection: one change, one history row, one notification."""

from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test import Client

from asiointi.backoffice.tests.support import case_url, send_parking, staff_client
from asiointi.backoffice.tests.test_admin_login_concurrency import race
from asiointi.submissions.models import StatusChange, Submission

pytestmark = pytest.mark.usefixtures("demo_forms")


@pytest.fixture(autouse=True)
def _postgresql_only(transactional_db: None) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("races need PostgreSQL: set DATABASE_URL=postgres://… (CI does)")


def test_two_clerks_deciding_at_once_make_one_change_and_one_notification(
    tessa_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    case = send_parking(tessa_client, django_capture_on_commit_callbacks)
    clerks = [staff_client("kaisa"), staff_client("ville"), staff_client("aino")]
    address = case_url("backoffice:case_status", case)
    mail.outbox.clear()
    answers = race(
        *(lambda c=c: c.post(address, {"status": "decided"}).status_code for c in clerks)
    )
    assert answers == [302, 302, 302]
    assert Submission.objects.get(pk=case.pk).status == "decided"
    assert StatusChange.objects.filter(submission=case, status="decided").count() == 1
    assert len(mail.outbox) == 1
