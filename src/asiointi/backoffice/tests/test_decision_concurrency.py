""" "Send the decision" pressed twice at the same moment (a double click, two tabs of one form),
each request on its own PostgreSQL connection: one decision, one status change, one
notification."""

from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test import Client

from asiointi.backoffice.tests.support import case_url, send_parking, staff_client
from asiointi.backoffice.tests.test_admin_login_concurrency import race
from asiointi.backoffice.tests.test_case_decisions import make_template
from asiointi.folder.models import Message
from asiointi.submissions.models import StatusChange

pytestmark = pytest.mark.usefixtures("demo_forms")


@pytest.fixture(autouse=True)
def _postgresql_only(transactional_db: None) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("races need PostgreSQL: set DATABASE_URL=postgres://… (CI does)")


def test_a_decision_pressed_three_times_at_once_is_sent_once(
    tessa_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    case = send_parking(tessa_client, django_capture_on_commit_callbacks)
    template = make_template(case)
    clerk = staff_client("kaisa")
    address = case_url("backoffice:case_message", case)
    data = {"kind": "decision", "template": template.pk, "body": "Perustelu.", "form_key": "x1"}
    mail.outbox.clear()
    answers = race(*(lambda: clerk.post(address, data).status_code for _ in range(3)))
    assert answers == [302, 302, 302]
    assert Message.objects.filter(thread__reference=case.reference).count() == 1
    assert StatusChange.objects.filter(submission=case, status="decided").count() == 1
    assert len(mail.outbox) == 1
