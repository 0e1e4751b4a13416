"""Messages leave only when the action that sends them has committed."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from asiointi.notify.models import OutboxMessage
from asiointi.notify.services import notification_send
from asiointi.notify.tests.fixtures import SmsGatewayServer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("dev_outbox")]

CONTEXT = {"code": "654321", "valid_minutes": 15}


class ActionFailed(Exception):
    pass


def send_code(channel: Any = "sms", to: str = "040 123 4567") -> None:
    notification_send(
        channel=channel, to=to, template="verification_code", context=CONTEXT, language="fi"
    )


def test_nothing_is_sent_when_the_transaction_rolls_back(
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(ActionFailed),
        transaction.atomic(),
    ):
        send_code("sms")
        send_code("email", "asukas@example.fi")
        raise ActionFailed
    assert callbacks == []
    assert not OutboxMessage.objects.exists()


def test_message_is_sent_after_the_commit_and_not_before(
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        send_code("sms")
        assert not OutboxMessage.objects.exists()
    message = OutboxMessage.objects.get()
    assert message.recipient == "+358401234567"
    assert "654321" in message.body


def test_bad_recipient_fails_inside_the_action() -> None:
    with pytest.raises(ValidationError):
        send_code("sms", "09 310 1234")
    with pytest.raises(ValidationError):
        send_code("email", "not an address")


def test_gateway_refusal_after_commit_is_logged_not_raised(
    django_capture_on_commit_callbacks: Callable[..., Any],
    sms_gateway_server: SmsGatewayServer,
    settings: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings.SMS_BACKEND = "asiointi.notify.sms.HttpSmsGateway"
    settings.SMS_GATEWAY_URL = sms_gateway_server.url
    sms_gateway_server.behaviour.status = 503
    with django_capture_on_commit_callbacks(execute=True):
        send_code("sms")
    assert len(sms_gateway_server.behaviour.received) == 1
    assert "HTTP 503" in caplog.text
    assert "verification_code" in caplog.text
    assert "654321" not in caplog.text and "401234567" not in caplog.text
