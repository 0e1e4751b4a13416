"""Each retention rule deletes or anonymises exactly what it should and nothing else, and the
run is recorded in counts only."""

from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.management import call_command
from django.utils import timezone

from asiointi.attachments.models import Attachment
from asiointi.catalogue.models import Service
from asiointi.customers.tests.holdings import Holdings
from asiointi.folder.models import DataExport, FolderItem, Message, Thread
from asiointi.privacy.models import AuditEvent, RetentionRule, RetentionRun
from asiointi.privacy.retention import audit_retention, retention_apply
from asiointi.submissions.erasure import drafts_delete
from asiointi.submissions.models import Draft, Submission
from asiointi.submissions.tests.support import url

pytestmark = pytest.mark.django_db


def rule(kind: str, days: int, action: str = "delete", service: Service | None = None) -> None:
    RetentionRule.objects.update_or_create(
        kind=kind, service=service, defaults={"days": days, "action": action}
    )


def test_the_defaults_are_seeded_for_every_kind() -> None:
    defaults = dict(RetentionRule.objects.filter(service=None).values_list("kind", "days"))
    assert defaults == {
        "drafts": 30,
        "submissions": 2190,
        "messages": 2190,
        "enrollments": 365,
        "data_exports": 7,
        "feedback": 730,
        "audit_events": 730,
        "notifications": 365,
    }


def test_a_draft_past_its_date_is_deleted_with_its_files_and_nothing_else(
    holdings: Holdings,
) -> None:
    held = Attachment.objects.create(
        customer=holdings.customer,
        file="x",
        original_name="a.pdf",
        media_type="application/pdf",
        size=1,
        sha256="0" * 64,
        holder=f"draft:{holdings.draft.pk}",
    )
    Draft.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    run = retention_apply()
    assert run.counts["drafts"] == {"deleted": 1}
    assert not Draft.objects.exists() and not Attachment.objects.filter(pk=held.pk).exists()
    assert not FolderItem.objects.filter(kind="draft").exists()
    assert Submission.objects.get().content_encrypted and Thread.objects.exists()


def test_a_new_draft_is_kept_as_its_services_override_says(holdings: Holdings) -> None:
    own = holdings.draft.expires_at - holdings.draft.updated_at
    assert round(own / timedelta(days=1)) == 30  # the form's own setting
    drafts_delete(Draft.objects.all())
    rule("drafts", 3, service=holdings.draft.service)
    holdings.client.post(url("eforms:start", "asukaspysakointitunnus"))
    draft = Draft.objects.get()
    assert round((draft.expires_at - timezone.now()) / timedelta(days=1)) == 3
    item = FolderItem.objects.get(kind="draft")
    assert item.kept_until == timezone.localdate(draft.expires_at)


def test_sent_forms_past_their_date_are_anonymised_or_deleted_by_service(
    holdings: Holdings,
) -> None:
    submission = holdings.submission
    Submission.objects.update(delete_after=timezone.localdate() - timedelta(days=1))
    rule("submissions", 1, "anonymise", service=submission.service)
    run = retention_apply()
    assert run.counts["submissions"] == {"deleted": 0, "anonymised": 1}
    kept = Submission.objects.get()
    assert kept.reference == submission.reference and kept.customer is None
    assert kept.content_encrypted == "" and kept.anonymised_at is not None
    assert not FolderItem.objects.filter(kind="submission").exists()
    assert Attachment.objects.filter(holder="").count() == 1  # the unheld file, not the held one

    RetentionRule.objects.filter(service=submission.service).delete()
    run = retention_apply()
    assert run.counts["submissions"] == {"deleted": 1, "anonymised": 0}
    assert not Submission.objects.exists()


def test_a_sent_form_before_its_date_stays(holdings: Holdings) -> None:
    retention_apply()
    assert Submission.objects.get().customer == holdings.customer


def test_threads_quiet_for_longer_are_deleted_with_their_documents(
    holdings: Holdings, django_capture_on_commit_callbacks: Any
) -> None:
    (document,) = [m.document.name for m in Message.objects.exclude(document="")]
    Message.objects.update(created_at=timezone.now() - timedelta(days=11))
    rule("messages", 10)
    with django_capture_on_commit_callbacks(execute=True):
        run = retention_apply()
    assert run.counts["messages"] == {"deleted": 1, "anonymised": 0}
    assert not Thread.objects.exists()
    assert not FolderItem.objects.filter(kind__in=["message", "decision"]).exists()
    assert not storages["attachments"].exists(document)
    assert FolderItem.objects.filter(kind="submission").exists()


def test_threads_of_an_anonymising_service_keep_only_that_they_were(holdings: Holdings) -> None:
    Message.objects.update(created_at=timezone.now() - timedelta(days=11))
    rule("messages", 10, "anonymise")
    retention_apply()
    thread = Thread.objects.get()
    assert thread.subject == "–" and set(thread.messages.values_list("body", flat=True)) == {"–"}
    assert not thread.messages.exclude(document="").exists()
    assert retention_apply().counts["messages"] == {"deleted": 0, "anonymised": 0}


def test_recent_threads_stay(holdings: Holdings) -> None:
    rule("messages", 10)
    retention_apply()
    assert Thread.objects.get().messages.get().body == "Myönnetty"


def test_old_copies_of_download_my_data_are_deleted(holdings: Holdings) -> None:
    old = DataExport.objects.create(customer=holdings.customer)
    new = DataExport.objects.create(customer=holdings.customer)
    DataExport.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    assert retention_apply().counts["data_exports"] == {"deleted": 1}
    assert list(DataExport.objects.all()) == [new]


def test_old_audit_events_go_by_the_audit_logs_own_rule(db: None) -> None:
    old = AuditEvent.objects.create(action="login", target="oidc")
    new = AuditEvent.objects.create(action="login", target="oidc")
    with audit_retention():
        AuditEvent.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    rule("audit_events", 30)
    assert retention_apply().counts["audit_events"] == {"deleted": 1}
    assert list(AuditEvent.objects.all()) == [new]


def test_the_run_records_counts_and_nothing_personal(holdings: Holdings) -> None:
    Draft.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    output = StringIO()
    call_command("retention_apply", stdout=output)
    run = RetentionRun.objects.get()
    assert run.finished_at is not None and run.failed == []
    text = str(run.counts) + output.getvalue()
    assert "drafts: deleted 1" in output.getvalue()
    for personal in ("Tessa", "Testilä", holdings.submission.reference, "952L", "tessa@"):
        assert personal not in text
    assert set(run.counts) == {
        "drafts",
        "submissions",
        "messages",
        "enrollments",
        "data_exports",
        "feedback",
        "audit_events",
        "notifications",
    }


@pytest.mark.parametrize(
    ("kind", "action", "per_service", "field"),
    [
        ("drafts", "anonymise", False, "action"),
        ("data_exports", "delete", True, "service"),
        ("audit_events", "delete", True, "service"),
    ],
)
def test_a_rule_a_kind_cannot_follow_is_refused(
    demo_catalogue: Any, kind: str, action: str, per_service: bool, field: str
) -> None:
    service = Service.objects.first() if per_service else None
    with pytest.raises(ValidationError) as refused:
        RetentionRule(kind=kind, service=service, days=5, action=action).full_clean()
    assert field in refused.value.message_dict
