"""A customer's notification: recorded in the action's transaction, sent by a task after the
commit, retried with growing pauses by a worker, recorded as sent or failed, never sent twice."""

import contextlib
from typing import Any
from unittest import mock

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.db import transaction
from django.utils import timezone

from asiointi.customers.models import Customer
from asiointi.customers.services import customer_for_person
from asiointi.folder.models import NotificationPreference
from asiointi.identity.models import User
from asiointi.notify.models import Notification, OutboxMessage
from asiointi.notify.services import customer_notify
from asiointi.notify.tasks import NotificationNotSent, notification_deliver

pytestmark = pytest.mark.django_db
Status = Notification.Status


class BrokenEmailBackend:
    """A transport that is configured but refuses every message (SMTP server down)."""

    def __init__(self, **kwargs: Any) -> None:
        pass

    def send_messages(self, messages: Any) -> int:
        raise ConnectionRefusedError("no SMTP server")


@pytest.fixture
def customer() -> Customer:
    person = User.objects.create(
        username="asukas",
        first_name="Aino",
        email="aino.asukas@example.fi",
        email_verified_at=timezone.now(),
        mobile_number="+358401234567",
        mobile_verified_at=timezone.now(),
    )
    return customer_for_person(person)


def notify(customer: Customer) -> list[Notification]:
    return customer_notify(
        customer=customer,
        template="folder_new",
        context=lambda: {"folder_url": "https://asiointi.example/fi/asiointikansio/"},
        about=("message", 7),
    )


def test_the_record_is_made_with_the_action_and_the_message_goes_after_the_commit(
    customer: Customer, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        [record] = notify(customer)
        assert Notification.objects.get().status == Status.QUEUED
        assert mail.outbox == []
    assert len(callbacks) == 1
    record.refresh_from_db()
    assert (record.status, record.attempts, record.channel) == (Status.SENT, 1, "email")
    assert record.recipient_masked == "ai•••@example.fi"
    assert (record.about_kind, record.about_key, record.kind) == ("message", "7", "folder_new")
    assert [m.to for m in mail.outbox] == [["aino.asukas@example.fi"]]


def test_a_rolled_back_action_records_and_sends_nothing(customer: Customer) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        notify(customer)
        raise RuntimeError("the action failed")
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_both_channels_make_one_record_each_with_masked_recipients(
    customer: Customer, django_capture_on_commit_callbacks: Any, dev_outbox: None
) -> None:
    NotificationPreference.objects.create(customer=customer, channel="both", language="sv")
    with django_capture_on_commit_callbacks(execute=True):
        records = notify(customer)
    assert [(r.channel, r.recipient_masked, r.language) for r in records] == [
        ("email", "ai•••@example.fi", "sv"),
        ("sms", "+35840•••67", "sv"),
    ]
    assert set(Notification.objects.values_list("status", flat=True)) == {Status.SENT}
    assert OutboxMessage.objects.count() == 2


def test_a_refusing_transport_is_recorded_as_failed_and_raises_nothing_in_process(
    customer: Customer, django_capture_on_commit_callbacks: Any, settings: Any
) -> None:
    settings.EMAIL_BACKEND = f"{__name__}.BrokenEmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        notify(customer)
    record = Notification.objects.get()
    assert (record.status, record.attempts, record.error) == (
        Status.FAILED,
        1,
        "ConnectionRefusedError",
    )
    assert record.failed_at is not None


def test_a_broker_that_is_down_leaves_the_action_standing_and_the_record_failed(
    customer: Customer, django_capture_on_commit_callbacks: Any
) -> None:
    with (
        mock.patch.object(notification_deliver, "apply_async", side_effect=OSError("no broker")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        notify(customer)
    record = Notification.objects.get()
    assert (record.status, record.error) == (Status.FAILED, "queue unavailable")


def worker_run(record: Notification, *, retries: int) -> Any:
    """The task as a worker runs it (not in-process), with Celery's retry caught."""
    notification_deliver.push_request(id=f"task-{retries}", retries=retries, is_eager=False)
    try:
        with (
            mock.patch.object(notification_deliver, "retry", side_effect=Retry) as retry,
            contextlib.suppress(Retry),
        ):
            notification_deliver.run(record.pk, "aino.asukas@example.fi", "Subject", "Body")
        return retry
    finally:
        notification_deliver.pop_request()


def test_a_worker_retries_with_growing_pauses_then_records_the_failure(
    customer: Customer, settings: Any
) -> None:
    settings.EMAIL_BACKEND = f"{__name__}.BrokenEmailBackend"
    settings.NOTIFICATION_ATTEMPTS = 4
    with mock.patch("asiointi.notify.services.transaction.on_commit"):
        [record] = notify(customer)
    pauses = []
    for retries in range(4):
        retry = worker_run(record, retries=retries)
        pauses += [call.kwargs["countdown"] for call in retry.call_args_list]
        if retries < 3:
            assert isinstance(retry.call_args.kwargs["exc"], NotificationNotSent)
    assert pauses == [30, 60, 120]
    record.refresh_from_db()
    assert (record.status, record.attempts) == (Status.FAILED, 4)


def test_a_copy_of_the_task_left_by_a_lost_worker_does_not_send_again(
    customer: Customer, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        [record] = notify(customer)
    assert len(mail.outbox) == 1
    retry = worker_run(record, retries=0)
    assert not retry.called
    assert len(mail.outbox) == 1
    record.refresh_from_db()
    assert (record.status, record.attempts) == (Status.SENT, 1)


def test_a_customer_without_confirmed_contacts_gets_no_record(
    customer: Customer, django_capture_on_commit_callbacks: Any
) -> None:
    person = customer.person
    assert person is not None
    person.email_verified_at = person.mobile_verified_at = None
    person.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert notify(customer) == []
    assert not Notification.objects.exists()
