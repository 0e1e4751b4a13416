"""Who gets into the Django admin: platform superusers, after password and a second factor."""

from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from asiointi.backoffice.tests.fixtures import (
    SUPERUSER_PASSWORD,
    log_in_verified,
    superuser_with_totp,
    totp_code,
    wrong_totp_code,
)
from asiointi.identity.models import User

pytestmark = pytest.mark.django_db

LOGIN = "/en/admin/login/"
DATA_PAGES = [
    "/en/admin/",
    "/en/admin/submissions/submission/",
    "/en/admin/courses/enrollment/",
    "/en/admin/attachments/attachment/",
    "/en/admin/privacy/auditevent/",
    "/en/admin/identity/user/",
]


def log_in(client: Client, username: str, code: str, password: str = SUPERUSER_PASSWORD) -> Any:
    return client.post(
        LOGIN,
        {"username": username, "password": password, "otp_token": code, "next": "/en/admin/"},
    )


def assert_sees_no_admin(client: Client) -> None:
    for page in DATA_PAGES:
        response = client.get(page)
        assert response.status_code == 302, page
        assert response["Location"].startswith(f"{LOGIN}?next="), page


def test_password_and_the_current_code_let_a_superuser_in(client: Client) -> None:
    user, device = superuser_with_totp()
    response = log_in(client, user.username, totp_code(device))
    assert response.status_code == 302 and response["Location"] == "/en/admin/"
    for page in DATA_PAGES:
        assert client.get(page).status_code == 200, page


def test_a_staff_member_who_is_not_a_superuser_is_refused_with_a_clear_message(
    client: Client,
) -> None:
    clerk = User.objects.create_user(username="clerk", password=SUPERUSER_PASSWORD, is_staff=True)
    clerk.user_permissions.set(Permission.objects.all())  # may view and change everything
    device = TOTPDevice.objects.create(user=clerk, name="app", confirmed=True)
    response = log_in(client, "clerk", totp_code(device))
    assert response.status_code == 200
    assert "only the platform&#x27;s superusers sign in here" in response.content.decode()
    assert_sees_no_admin(client)


def test_a_staff_member_with_a_verified_session_still_sees_nothing(client: Client) -> None:
    clerk = User.objects.create_user(username="clerk", is_staff=True)
    device = TOTPDevice.objects.create(user=clerk, name="app", confirmed=True)
    log_in_verified(client, clerk, device)
    assert_sees_no_admin(client)


def test_a_superuser_without_an_authenticator_app_cannot_log_in(client: Client) -> None:
    User.objects.create_superuser(username="root", password=SUPERUSER_PASSWORD)
    response = log_in(client, "root", "123456")
    assert "no authenticator app set up" in response.content.decode()
    assert_sees_no_admin(client)


def test_an_unconfirmed_app_is_no_second_factor(client: Client) -> None:
    user = User.objects.create_superuser(username="root", password=SUPERUSER_PASSWORD)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=False)
    response = log_in(client, "root", totp_code(device))
    assert "no authenticator app set up" in response.content.decode()
    assert_sees_no_admin(client)


def test_a_superuser_logged_in_without_the_second_factor_sees_nothing(client: Client) -> None:
    user, _device = superuser_with_totp()
    client.force_login(user)
    assert_sees_no_admin(client)


def test_the_password_alone_is_not_enough(client: Client) -> None:
    user, _device = superuser_with_totp()
    response = log_in(client, user.username, "")
    assert "Enter the code from your authenticator app" in response.content.decode()
    assert_sees_no_admin(client)


def test_a_wrong_code_is_refused(client: Client) -> None:
    user, device = superuser_with_totp()
    response = log_in(client, user.username, wrong_totp_code(device))
    assert response.status_code == 200
    assert "The code is wrong or already used" in response.content.decode()
    assert_sees_no_admin(client)


def test_a_code_is_accepted_once(client: Client) -> None:
    user, device = superuser_with_totp()
    code = totp_code(device)
    assert log_in(client, user.username, code).status_code == 302
    other = Client()
    replay = log_in(other, user.username, code).content.decode()
    assert "The code is wrong or already used" in replay
    assert_sees_no_admin(other)


def test_a_recovery_code_works_once(client: Client) -> None:
    user, _device = superuser_with_totp()
    recovery = StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
    recovery.token_set.create(token=StaticToken.random_token())
    token = recovery.token_set.get().token
    assert log_in(client, user.username, token).status_code == 302
    assert client.get("/en/admin/").status_code == 200
    again = Client()
    second = log_in(again, user.username, token).content.decode()
    assert "The code is wrong or already used" in second
    assert_sees_no_admin(again)


def test_the_wrong_password_with_the_right_code_is_refused(client: Client) -> None:
    user, device = superuser_with_totp()
    response = log_in(client, user.username, totp_code(device), password="not it")
    assert response.status_code == 200
    assert_sees_no_admin(client)


def test_the_login_page_is_in_the_persons_language(client: Client) -> None:
    page = client.get("/fi/admin/login/").content.decode()
    assert "Koodi todennussovelluksesta tai varakoodi" in page
    page = client.get("/sv/admin/login/").content.decode()
    assert "Kod från autentiseringsappen eller en reservkod" in page
