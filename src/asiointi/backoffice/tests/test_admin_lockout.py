"""Repeated failed admin logins lock out that username from that client address."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.conf import LazySettings
from django.http import HttpRequest
from django.test import Client
from django.utils import timezone

from asiointi.backoffice.tests.fixtures import (
    superuser_with_totp,
    totp_code,
    wrong_totp_code,
)
from asiointi.backoffice.tests.support import url
from asiointi.backoffice.tests.test_admin_access import assert_sees_no_admin, log_in

pytestmark = pytest.mark.django_db


def test_five_wrong_passwords_then_the_right_one_is_refused(client: Client) -> None:
    user, device = superuser_with_totp()
    answers = [log_in(client, user.username, "", password=f"guess {n}") for n in range(5)]
    assert [a.status_code for a in answers] == [200, 200, 200, 200, 429]
    response = log_in(client, user.username, totp_code(device))
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert "blocked for 15 minutes" in response.content.decode()
    assert_sees_no_admin(client)


def test_wrong_codes_count_like_wrong_passwords(client: Client) -> None:
    user, device = superuser_with_totp()
    for _ in range(5):
        log_in(client, user.username, wrong_totp_code(device))
    assert log_in(client, user.username, totp_code(device)).status_code == 429
    assert_sees_no_admin(client)


def test_the_lockout_page_is_in_the_persons_language(client: Client) -> None:
    for n in range(5):
        response = client.post("/fi/admin/login/", {"username": "x", "password": str(n)})
    assert response.status_code == 429
    assert "Liian monta epäonnistunutta kirjautumista" in response.content.decode()


def test_the_right_password_works_again_after_the_cool_off(client: Client) -> None:
    user, device = superuser_with_totp()
    for n in range(5):
        log_in(client, user.username, "", password=f"guess {n}")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert log_in(client, user.username, totp_code(device)).status_code == 302
    assert client.get("/en/admin/").status_code == 200


def test_the_limit_and_cool_off_come_from_settings(client: Client, settings: LazySettings) -> None:
    settings.AXES_FAILURE_LIMIT = 2
    settings.AXES_COOLOFF_MINUTES = 1
    settings.AXES_COOLOFF_TIME = timedelta(minutes=1)
    user, device = superuser_with_totp()
    log_in(client, user.username, "", password="guess")
    response = log_in(client, user.username, "", password="guess again")
    assert response.status_code == 429 and "blocked for 1 minute " in response.content.decode()
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(seconds=61))
    assert log_in(client, user.username, totp_code(device)).status_code == 302


def test_the_lockout_holds_for_one_username_at_one_client_address() -> None:
    user, device = superuser_with_totp()
    attacker = Client(REMOTE_ADDR="203.0.113.5")
    for n in range(5):
        log_in(attacker, user.username, "", password=f"guess {n}")
    # Another username from the attacker's address is not locked...
    _other, other_device = superuser_with_totp("other-admin")
    assert log_in(attacker, "other-admin", totp_code(other_device)).status_code == 302
    # ...and the superuser, from their own address, still gets in.
    own = Client(REMOTE_ADDR="198.51.100.7")
    assert log_in(own, user.username, totp_code(device)).status_code == 302
    assert AccessAttempt.objects.get().ip_address == "203.0.113.5"


def test_the_client_address_is_read_through_client_ip(monkeypatch: pytest.MonkeyPatch) -> None:
    """Behind proxies every request comes from the proxy: the address is the one client_ip
    finds, so changing proxies (REMOTE_ADDR) does not reset the count."""

    def from_header(request: HttpRequest) -> str:
        return str(request.META["HTTP_X_CLIENT"])

    monkeypatch.setattr("asiointi.client_ip.client_ip", from_header)
    user, device = superuser_with_totp()
    for n in range(5):
        proxy = Client(REMOTE_ADDR=f"10.0.0.{n + 1}", HTTP_X_CLIENT="203.0.113.5")
        log_in(proxy, user.username, "", password=f"guess {n}")
    assert AccessAttempt.objects.get().ip_address == "203.0.113.5"
    locked = Client(REMOTE_ADDR="10.0.0.9", HTTP_X_CLIENT="203.0.113.5")
    assert log_in(locked, user.username, totp_code(device)).status_code == 429
    elsewhere = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_CLIENT="198.51.100.7")
    assert log_in(elsewhere, user.username, totp_code(device)).status_code == 302


def test_a_successful_login_clears_earlier_failures(client: Client) -> None:
    user, device = superuser_with_totp()
    for n in range(4):
        log_in(client, user.username, "", password=f"guess {n}")
    assert log_in(client, user.username, totp_code(device)).status_code == 302
    assert not AccessAttempt.objects.exists()
    assert AccessLog.objects.get().username == user.username


def test_both_logins_share_one_lockout_page_leading_back_to_their_own_login() -> None:
    admin_login, staff_login = url("admin:login"), url("backoffice:login")
    admin_client, staff_client = Client(), Client()
    for n in range(5):
        admin = admin_client.post(admin_login, {"username": "x", "password": str(n)})
        staff = staff_client.post(staff_login, {"username": "y", "password": str(n)})
    assert admin.status_code == staff.status_code == 429
    for response in (admin, staff):
        assert "backoffice/lockout.html" in [t.name for t in response.templates]
    assert f'href="{admin_login}"' in admin.content.decode()
    assert f'href="{staff_login}"' in staff.content.decode()
