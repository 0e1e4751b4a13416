"""In the embedded profile e-mail and text messages land in the development outbox."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured

from asiointi.notify.models import OutboxMessage
from asiointi.notify.outbox import OutboxEmailBackend, OutboxSmsGateway
from asiointi.notify.selectors import outbox_latest
from asiointi.notify.services import notification_send
from asiointi.notify.tests.fixtures import OUTBOX_EMAIL_BACKEND, OUTBOX_SMS_BACKEND
from asiointi.notify.tests.support import backends_chosen

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("dev_outbox")
def test_email_lands_in_the_outbox_in_the_recipients_language(
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(
            channel="email",
            to="asukas@example.fi",
            template="verification_code",
            context={"code": "112233", "valid_minutes": 15},
            language="sv",
        )
    message = OutboxMessage.objects.get()
    assert (message.channel, message.recipient) == ("email", "asukas@example.fi")
    assert message.subject == "Bekräftelsekod"
    assert "112233" in message.body


@pytest.mark.usefixtures("dev_outbox")
def test_latest_message_to_a_recipient_gives_a_test_its_code(
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        for code in ("111111", "222222"):
            notification_send(
                channel="sms",
                to="+358401234567",
                template="verification_code",
                context={"code": code, "valid_minutes": 15},
                language="en",
            )
    latest = outbox_latest(recipient="040 123 4567")
    assert latest is not None and "222222" in latest.body
    assert outbox_latest(recipient="someone.else@example.fi") is None


def test_outbox_backends_refuse_to_work_when_the_outbox_is_off(settings: Any) -> None:
    settings.DEV_OUTBOX_ENABLED = False
    with pytest.raises(ImproperlyConfigured, match="DEV_OUTBOX_ENABLED"):
        OutboxEmailBackend()
    with pytest.raises(ImproperlyConfigured, match="DEV_OUTBOX_ENABLED"):
        OutboxSmsGateway()


def test_embedded_profile_chooses_the_outbox_for_both_channels() -> None:
    assert backends_chosen() == (OUTBOX_EMAIL_BACKEND, OUTBOX_SMS_BACKEND)
