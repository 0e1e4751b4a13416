"""The audit log's search by person, by member of staff, by action and by time (the auditor's page
in the back office, and finding the person by identity code, are tested there)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from asiointi.identity.models import User
from asiointi.privacy.identity_codes import identity_code_digest, identity_code_encrypt
from asiointi.privacy.models import AuditEvent
from asiointi.privacy.retention import audit_retention
from asiointi.privacy.selectors import audit_events_search

pytestmark = pytest.mark.django_db
CODE = "010280-952L"


@pytest.fixture
def people() -> tuple[User, User, User]:
    tessa = User.objects.create(
        username="tessa",
        identity_code_digest=identity_code_digest(CODE),
        identity_code_encrypted=identity_code_encrypt(CODE),
    )
    clerk = User.objects.create(username="clerk", is_staff=True)
    auditor = User.objects.create(username="auditor", is_staff=True)
    return tessa, clerk, auditor


def test_filters_by_person_staff_action_and_time(people: tuple[User, User, User]) -> None:
    tessa, clerk, _auditor = people
    login = AuditEvent.objects.create(action=AuditEvent.Action.LOGIN, user=tessa)
    read = AuditEvent.objects.create(action=AuditEvent.Action.PERSON_LOOKUP, user=clerk)
    old = AuditEvent.objects.create(action=AuditEvent.Action.LOGIN, user=tessa)
    with audit_retention():
        AuditEvent.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=3))

    assert list(audit_events_search(person=tessa)) == [login, old]
    assert list(audit_events_search(staff=clerk)) == [read]
    assert list(audit_events_search(actions=["person_lookup"])) == [read]
    since = timezone.now() - timedelta(days=1)
    assert list(audit_events_search(person=tessa, since=since)) == [login]
    assert list(audit_events_search(until=since)) == [old]
