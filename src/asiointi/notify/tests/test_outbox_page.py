"""Developers read what the portal "sent" on the outbox page."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from asiointi.notify.models import OutboxMessage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("dev_outbox")]


def make_messages() -> tuple[OutboxMessage, OutboxMessage]:
    now = timezone.now()
    email = OutboxMessage.objects.create(
        channel="email",
        recipient="asukas@example.fi",
        subject="Vahvistuskoodi",
        body="Vahvistuskoodisi on:\n\n445566",
        created_at=now - timedelta(minutes=5),
    )
    sms = OutboxMessage.objects.create(
        channel="sms", recipient="+358401234567", body="Vahvistuskoodisi on 778899.", created_at=now
    )
    return email, sms


def test_outbox_lists_every_message_newest_first(client: Client) -> None:
    email, sms = make_messages()
    response = client.get("/fi/dev/outbox/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("+358401234567") < html.index("asukas@example.fi")
    assert "Vahvistuskoodisi on 778899." in html
    assert f"/fi/dev/outbox/{email.pk}/" in html and f"/fi/dev/outbox/{sms.pk}/" in html


def test_each_message_is_readable_in_full(client: Client) -> None:
    email, _ = make_messages()
    html = client.get(f"/en/dev/outbox/{email.pk}/").content.decode()
    assert "445566" in html
    assert "asukas@example.fi" in html


@pytest.mark.parametrize("path", ["/fi/dev/outbox/", "/sv/dev/outbox/{pk}/"])
def test_outbox_pages_say_they_are_for_development_and_are_never_cached(
    client: Client, path: str
) -> None:
    email, _ = make_messages()
    response = client.get(path.format(pk=email.pk))
    html = response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert len(re.findall(r"<h1[ >]", html)) == 1
    assert 'lang="fi"' in html or 'lang="sv"' in html
    assert "<script" not in html


def test_outbox_page_says_production_sends_for_real(client: Client) -> None:
    html = client.get("/en/dev/outbox/").content.decode()
    assert "Development outbox" in html
    assert "In production they go out for real" in html
    assert "No messages yet" in html


def test_message_that_does_not_exist_is_404(client: Client) -> None:
    assert client.get("/fi/dev/outbox/999999/").status_code == 404
