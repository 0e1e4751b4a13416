"""Platform administrators set retention rules in the admin; runs and the audit log are
read-only there."""

import pytest
from django.test import Client

from asiointi.catalogue.models import Agency, Service
from asiointi.privacy.models import AuditEvent, RetentionRule, RetentionRun
from asiointi.privacy.retention import retention_rule

pytestmark = pytest.mark.django_db


def test_an_administrator_adds_a_service_override_that_applies_at_once(
    verified_admin_client: Client,
) -> None:
    agency = Agency.objects.create(slug="kymp", name="Kaupunkiympäristö")
    service = Service.objects.create(slug="pysakointi", name="Pysäköinti", agency=agency)
    assert retention_rule("submissions", service.pk).days == 2190  # warms the cache
    response = verified_admin_client.post(
        "/fi/admin/privacy/retentionrule/add/",
        {"kind": "submissions", "service": service.pk, "days": 400, "action": "anonymise"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert retention_rule("submissions", service.pk).days == 400
    assert retention_rule("submissions", None).days == 2190


def test_a_kind_that_can_only_be_deleted_refuses_anonymise(verified_admin_client: Client) -> None:
    default = RetentionRule.objects.get(kind="data_exports", service=None)
    response = verified_admin_client.post(
        f"/fi/admin/privacy/retentionrule/{default.pk}/change/",
        {"kind": "data_exports", "service": "", "days": 7, "action": "anonymise"},
    )
    assert response.status_code == 200
    assert RetentionRule.objects.get(pk=default.pk).action == "delete"


def test_a_default_cannot_be_deleted_and_runs_and_audit_events_not_changed(
    verified_admin_client: Client,
) -> None:
    default = RetentionRule.objects.get(kind="drafts", service=None)
    page = verified_admin_client.get(f"/fi/admin/privacy/retentionrule/{default.pk}/delete/")
    assert page.status_code == 403
    run = RetentionRun.objects.create(counts={"drafts": {"deleted": 1}})
    event = AuditEvent.objects.create(action="login")
    for address in (
        f"/fi/admin/privacy/retentionrun/{run.pk}/delete/",
        f"/fi/admin/privacy/auditevent/{event.pk}/delete/",
    ):
        assert verified_admin_client.post(address, {"post": "yes"}).status_code == 403
    assert RetentionRun.objects.exists() and AuditEvent.objects.filter(pk=event.pk).exists()
