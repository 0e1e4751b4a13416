"""The audit log is evidence: nothing in the application changes or removes a row, and on
PostgreSQL the database refuses it too, except within the retention job."""

import pytest
from django.db import DatabaseError, connection, transaction

from asiointi.identity.models import User
from asiointi.privacy.models import AuditEvent, AuditLogAppendOnly
from asiointi.privacy.retention import audit_retention

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the database's own guard is PostgreSQL's"
)


@pytest.fixture
def event() -> AuditEvent:
    return AuditEvent.objects.create(action=AuditEvent.Action.LOGIN, target="oidc")


def test_a_row_cannot_be_saved_again_or_deleted(event: AuditEvent) -> None:
    event.target = "saml"
    with pytest.raises(AuditLogAppendOnly):
        event.save()
    with pytest.raises(AuditLogAppendOnly):
        event.delete()
    event.refresh_from_db()
    assert event.target == "oidc"


def test_rows_cannot_be_updated_or_deleted_in_bulk(event: AuditEvent) -> None:
    with pytest.raises(AuditLogAppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(target="saml")
    with pytest.raises(AuditLogAppendOnly):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get().target == "oidc"


def test_the_retention_job_may_remove_rows(event: AuditEvent) -> None:
    with audit_retention():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert not AuditEvent.objects.exists()


@postgres_only
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE privacy_auditevent SET target = 'saml'",
        "DELETE FROM privacy_auditevent",
    ],
)
def test_postgresql_refuses_a_change_from_any_client(event: AuditEvent, statement: str) -> None:
    refused = pytest.raises(DatabaseError, match="append-only")
    with refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)
    assert AuditEvent.objects.get().target == "oidc"


@postgres_only
def test_postgresql_lets_the_retention_job_through_and_only_it(event: AuditEvent) -> None:
    with audit_retention(), connection.cursor() as cursor:
        cursor.execute("UPDATE privacy_auditevent SET target = 'kept'")
    # The permission ended with the job's block.
    refused = pytest.raises(DatabaseError, match="append-only")
    with refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM privacy_auditevent")
    assert AuditEvent.objects.get().target == "kept"


@postgres_only
def test_postgresql_lets_a_deleted_account_unlink_its_rows_and_nothing_more(db: None) -> None:
    clerk = User.objects.create(username="clerk", is_staff=True)
    AuditEvent.objects.create(action=AuditEvent.Action.LOGIN, user=clerk)
    clerk.delete()
    assert AuditEvent.objects.get().user is None
