"""The staff login at the back office's own address: password and a second factor, lockout
after repeated failures, and the staff idle timeout."""

import time
from typing import Any

import pytest
from django.conf import LazySettings
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from asiointi.backoffice.tests.fixtures import totp_code, wrong_totp_code
from asiointi.backoffice.tests.support import PASSWORD, staff_member, url
from asiointi.identity.models import User
from asiointi.identity.services import SESSION_LAST_SEEN

pytestmark = pytest.mark.usefixtures("demo_forms")


def log_in(client: Client, username: str, code: str, password: str = PASSWORD) -> Any:
    return client.post(
        url("backoffice:login"), {"username": username, "password": password, "otp_token": code}
    )


def test_a_clerk_logs_in_with_password_and_code_and_lands_in_the_agencys_inbox() -> None:
    _user, device = staff_member("kaisa")
    client = Client()
    response = log_in(client, "kaisa", totp_code(device))
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response.status_code == 302 and response["Location"] == url(
        "backoffice:inbox", "kaupunkiymparisto"
    )
    assert client.get(response["Location"]).status_code == 200


def test_a_password_without_a_right_code_does_not_let_in() -> None:
    _user, device = staff_member("kaisa")
    client = Client()
    for code in ("", wrong_totp_code(device)):
        response = log_in(client, "kaisa", code)
        assert response.status_code == 200
        assert "Virhe:" in response.content.decode()
    assert client.get(url("backoffice:home")).status_code == 302


def test_a_recovery_code_works_once() -> None:
    user, _device = staff_member("kaisa")
    static = StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
    StaticToken.objects.create(device=static, token="abcd1234")
    first, second = Client(), Client()
    assert log_in(first, "kaisa", "abcd1234").status_code == 302
    assert log_in(second, "kaisa", "abcd1234").status_code == 200


def test_an_account_of_no_agency_is_refused() -> None:
    User.objects.create_user(username="nobody", password=PASSWORD)
    response = log_in(Client(), "nobody", "123456")
    assert response.status_code == 200
    assert "ei kuulu minkään viraston henkilöstölle" in response.content.decode()


def test_failed_staff_logins_lock_the_account_out_from_that_address() -> None:
    _user, device = staff_member("kaisa")
    client = Client()
    answers = [log_in(client, "kaisa", "", password=f"guess {n}") for n in range(5)]
    assert [a.status_code for a in answers] == [200, 200, 200, 200, 429]
    response = log_in(client, "kaisa", totp_code(device))
    assert response.status_code == 429
    assert "Liian monta epäonnistunutta kirjautumista" in response.content.decode()
    assert client.get(url("backoffice:home")).status_code == 302


def test_a_staff_session_ends_after_the_staff_idle_timeout(settings: LazySettings) -> None:
    settings.STAFF_SESSION_IDLE_TIMEOUT_SECONDS = 60
    _user, device = staff_member("kaisa")
    client = Client()
    assert log_in(client, "kaisa", totp_code(device)).status_code == 302
    inbox = url("backoffice:inbox", "kaupunkiymparisto")
    assert client.get(inbox).status_code == 200
    session = client.session
    session[SESSION_LAST_SEEN] = time.time() - 61
    session.save()
    response = client.get(inbox)
    assert response.status_code == 302
    assert response["Location"].startswith(url("backoffice:login") + "?expired=1")
