"""The client's address comes from as many X-Forwarded-For hops as there are trusted proxies."""

import pytest
from django.conf import LazySettings
from django.test import Client, RequestFactory
from django.urls import reverse

from asiointi.client_ip import client_ip
from asiointi.identity.tests.factories import logged_in_client
from asiointi.privacy.models import AuditEvent

PROXY = "10.0.0.2"
SPOOFED = "203.0.113.66"


def address(forwarded: str | None, *, proxies: int, settings: LazySettings) -> str:
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY)
    if forwarded is not None:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(request)


def test_without_trusted_proxies_a_forwarded_address_is_ignored(settings: LazySettings) -> None:
    assert address(SPOOFED, proxies=0, settings=settings) == PROXY
    assert address(None, proxies=0, settings=settings) == PROXY


def test_one_proxy_gives_the_address_it_appended_not_the_clients_claim(
    settings: LazySettings,
) -> None:
    assert address("198.51.100.7", proxies=1, settings=settings) == "198.51.100.7"
    assert address(f"{SPOOFED}, 198.51.100.7", proxies=1, settings=settings) == "198.51.100.7"
    assert address(f"{SPOOFED},{SPOOFED}, 198.51.100.7", proxies=1, settings=settings) == (
        "198.51.100.7"
    )


def test_two_proxies_give_the_second_entry_from_the_right(settings: LazySettings) -> None:
    forwarded = f"{SPOOFED}, 198.51.100.7, 10.0.0.1"
    assert address(forwarded, proxies=2, settings=settings) == "198.51.100.7"


def test_fewer_entries_than_proxies_give_the_first_a_proxy_wrote(settings: LazySettings) -> None:
    assert address("198.51.100.7", proxies=2, settings=settings) == "198.51.100.7"
    assert address(None, proxies=2, settings=settings) == PROXY


def test_a_malformed_entry_at_the_trusted_position_falls_back_to_the_connection(
    settings: LazySettings,
) -> None:
    assert address(f"{SPOOFED}, unknown", proxies=1, settings=settings) == PROXY
    assert address("2001:DB8::0001", proxies=1, settings=settings) == "2001:db8::1"


@pytest.mark.django_db
def test_the_audit_log_records_the_client_behind_the_proxy(
    client: Client, settings: LazySettings
) -> None:
    settings.TRUSTED_PROXY_COUNT = 1
    forwarded = f"{SPOOFED}, 198.51.100.7"
    logout = reverse("identity:logout")
    logged_in_client(client)
    client.post(logout, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    event = AuditEvent.objects.filter(action=AuditEvent.Action.LOGOUT).latest("pk")
    assert event.ip_address == "198.51.100.7"

    settings.TRUSTED_PROXY_COUNT = 0
    logged_in_client(client)
    client.post(logout, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    event = AuditEvent.objects.filter(action=AuditEvent.Action.LOGOUT).latest("pk")
    assert event.ip_address == PROXY
