"""Two DELETEs for one person at the same moment (the profile service retrying), each on its own
PostgreSQL connection: both answer 204, the person is erased, the agency's record kept once."""

from typing import Any

import pytest
from django.db import connection
from django.test import Client

from asiointi.backoffice.tests.test_admin_login_concurrency import race
from asiointi.customers.tests.holdings import SUBJECT, Holdings, course_ended, token
from asiointi.identity.models import User
from asiointi.privacy.models import AuditEvent
from asiointi.submissions.models import Draft, Submission

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only(transactional_db: None) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("races need PostgreSQL: set DATABASE_URL=postgres://… (CI does)")


def test_two_erasures_at_once_both_answer_and_erase_once(gdpr_api: str, holdings: Holdings) -> None:
    course_ended(holdings.course)
    header = {"Authorization": f"Bearer {token()}"}

    def erase() -> Any:
        return Client().delete(gdpr_api + SUBJECT, headers=header).status_code

    assert race(erase, erase) == [204, 204]
    person = User.objects.get(pk=holdings.person.pk)
    assert not person.is_active and person.provider_subject is None and person.first_name == ""
    kept = Submission.objects.get()
    assert kept.reference == holdings.submission.reference and kept.customer is None
    assert not Draft.objects.exists()
    calls = AuditEvent.objects.filter(action=AuditEvent.Action.GDPR_ERASE)
    assert calls.count() == 2
