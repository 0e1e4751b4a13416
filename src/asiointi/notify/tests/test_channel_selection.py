"""Settings choose the channels; production without a channel fails loudly instead of dropping."""

from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured

from asiointi.notify.models import OutboxMessage
from asiointi.notify.services import notification_send
from asiointi.notify.tests.support import PRODUCTION, backends_chosen

SMTP = "django.core.mail.backends.smtp.EmailBackend"
HTTP_SMS = "asiointi.notify.sms.HttpSmsGateway"


def test_production_with_servers_uses_smtp_and_the_http_gateway() -> None:
    # Without them production refuses to start (tests/test_settings.py).
    assert PRODUCTION["EMAIL_HOST"] and PRODUCTION["SMS_GATEWAY_URL"]
    assert backends_chosen(**PRODUCTION) == (SMTP, HTTP_SMS)


def test_explicit_backends_win() -> None:
    chosen = backends_chosen(
        EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
        SMS_BACKEND="my.sms.Gateway",
    )
    assert chosen == ("django.core.mail.backends.console.EmailBackend", "my.sms.Gateway")


@pytest.mark.django_db
def test_sms_without_a_gateway_fails_loudly_inside_the_action(settings: Any) -> None:
    settings.DEV_OUTBOX_ENABLED = False
    settings.SMS_BACKEND = ""
    with pytest.raises(ImproperlyConfigured, match="SMS_GATEWAY_URL"):
        notification_send(
            channel="sms",
            to="040 123 4567",
            template="verification_code",
            context={"code": "123456", "valid_minutes": 15},
            language="fi",
        )
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_email_without_a_server_fails_loudly_inside_the_action(settings: Any) -> None:
    settings.DEV_OUTBOX_ENABLED = False
    settings.EMAIL_BACKEND = "asiointi.notify.mail.UnconfiguredEmailBackend"
    with pytest.raises(ImproperlyConfigured, match="EMAIL_HOST"):
        notification_send(
            channel="email",
            to="asukas@example.fi",
            template="verification_code",
            context={"code": "123456", "valid_minutes": 15},
            language="fi",
        )
