"""The records of notifications sent (record kind "notifications") are deleted once past their
rule's days, exactly those and nothing else; the run records the count. Platform admins read
them in the admin, with masked addresses only, and change nothing."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from asiointi.backoffice.tests.fixtures import verified_admin_client  # noqa: F401
from asiointi.customers.models import Customer
from asiointi.notify.models import Notification
from asiointi.notify.tests.test_customer_notifications import customer, notify  # noqa: F401
from asiointi.privacy.models import RetentionRule
from asiointi.privacy.retention import retention_apply

pytestmark = pytest.mark.django_db


def _made_days_ago(of: Customer, days: int) -> list[Notification]:
    made = notify(of)
    Notification.objects.filter(pk__in=[n.pk for n in made]).update(
        created_at=timezone.now() - timedelta(days=days)
    )
    return made


def test_the_default_keeps_the_records_a_year() -> None:
    default = RetentionRule.objects.get(kind="notifications", service=None)
    assert (default.days, default.action) == (365, "delete")


def test_records_past_their_date_are_deleted_and_nothing_else(
    customer: Customer,  # noqa: F811
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=False):
        old = _made_days_ago(customer, 366)
        kept = _made_days_ago(customer, 364) + notify(customer)
    run = retention_apply()
    assert run.counts["notifications"] == {"deleted": len(old)}
    assert set(Notification.objects.all()) == set(kept)


def test_a_shorter_rule_deletes_sooner(
    customer: Customer,  # noqa: F811
    django_capture_on_commit_callbacks: Any,
) -> None:
    RetentionRule.objects.filter(kind="notifications", service=None).update(days=30)
    with django_capture_on_commit_callbacks(execute=False):
        old = _made_days_ago(customer, 31)
        kept = _made_days_ago(customer, 29)
    assert retention_apply().counts["notifications"] == {"deleted": len(old)}
    assert set(Notification.objects.all()) == set(kept)


def test_platform_admins_see_the_records_read_only_with_masked_addresses(
    customer: Customer,  # noqa: F811
    verified_admin_client: Client,  # noqa: F811
) -> None:
    (record,) = notify(customer)
    Notification.objects.filter(pk=record.pk).update(status="failed", error="SMTPDataError")
    listing = verified_admin_client.get(reverse("admin:notify_notification_changelist"))
    html = listing.content.decode()
    assert listing.status_code == 200
    assert record.recipient_masked in html and "aino.asukas@example.fi" not in html
    page = verified_admin_client.get(reverse("admin:notify_notification_change", args=[record.pk]))
    assert "SMTPDataError" in page.content.decode()
    assert 'name="_save"' not in page.content.decode()
    assert verified_admin_client.get(reverse("admin:notify_notification_add")).status_code == 403
    delete = reverse("admin:notify_notification_delete", args=[record.pk])
    assert verified_admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert Notification.objects.filter(pk=record.pk).exists()
