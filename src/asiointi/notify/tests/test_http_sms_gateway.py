"""The HTTP SMS gateway adapter, against a real HTTP server on the loopback interface."""

import threading
from collections.abc import Callable
from typing import Any

import pytest

from asiointi.notify.services import notification_send
from asiointi.notify.sms import HttpSmsGateway, SmsGatewayError
from asiointi.notify.tests.fixtures import SmsGatewayServer


def gateway(server: SmsGatewayServer, **overrides: Any) -> HttpSmsGateway:
    options = {"url": server.url, "token": "s3cret-token", "sender": "Helsinki", "timeout": 5.0}
    return HttpSmsGateway(**{**options, **overrides})


def test_message_is_posted_as_json_with_the_bearer_token(
    sms_gateway_server: SmsGatewayServer,
) -> None:
    gateway(sms_gateway_server).send(to="+358401234567", text="Koodi 123456 – ääkköset")
    [request] = sms_gateway_server.behaviour.received
    assert request.path == "/messages"
    assert request.headers["Authorization"] == "Bearer s3cret-token"
    assert request.headers["Content-Type"].startswith("application/json")
    assert request.json() == {
        "sender": "Helsinki",
        "to": "+358401234567",
        "text": "Koodi 123456 – ääkköset",
    }


def test_server_error_raises_so_the_message_can_be_retried(
    sms_gateway_server: SmsGatewayServer,
) -> None:
    sms_gateway_server.behaviour.status = 500
    with pytest.raises(SmsGatewayError, match="HTTP 500"):
        gateway(sms_gateway_server).send(to="+358401234567", text="Koodi 123456")


def test_redirect_is_not_followed_with_the_token(sms_gateway_server: SmsGatewayServer) -> None:
    sms_gateway_server.behaviour.status = 302
    sms_gateway_server.behaviour.headers = {"Location": "/elsewhere"}
    with pytest.raises(SmsGatewayError, match="HTTP 302"):
        gateway(sms_gateway_server).send(to="+358401234567", text="Koodi 123456")
    assert len(sms_gateway_server.behaviour.received) == 1


def test_gateway_that_does_not_answer_times_out(sms_gateway_server: SmsGatewayServer) -> None:
    sms_gateway_server.behaviour.delay = threading.Event()
    with pytest.raises(SmsGatewayError, match="could not be reached"):
        gateway(sms_gateway_server, timeout=0.3).send(to="+358401234567", text="Koodi 123456")


def test_unreachable_gateway_raises() -> None:
    unreachable = HttpSmsGateway(url="http://127.0.0.1:9/messages", token="t", timeout=2)
    with pytest.raises(SmsGatewayError, match="could not be reached"):
        unreachable.send(to="+358401234567", text="Koodi 123456")


@pytest.mark.django_db
def test_confirmation_code_reaches_the_gateway_from_the_settings(
    sms_gateway_server: SmsGatewayServer,
    settings: Any,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    settings.SMS_BACKEND = "asiointi.notify.sms.HttpSmsGateway"
    settings.SMS_GATEWAY_URL = sms_gateway_server.url
    settings.SMS_GATEWAY_TOKEN = "from-settings"
    settings.SMS_SENDER = "Espoo"
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(
            channel="sms",
            to="040 123 4567",
            template="verification_code",
            context={"code": "987654", "valid_minutes": 15},
            language="sv",
        )
    [request] = sms_gateway_server.behaviour.received
    assert request.headers["Authorization"] == "Bearer from-settings"
    body = request.json()
    assert (body["sender"], body["to"]) == ("Espoo", "+358401234567")
    assert "987654" in body["text"] and "15 minuter" in body["text"]
