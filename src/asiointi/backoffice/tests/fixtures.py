"""Fixtures for any test that uses the Django admin (loaded for every app by src/conftest.py).

The admin admits superusers with a verified second factor only, so the tests log in as one.
"""

from typing import Any

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from asiointi.identity.models import User

SUPERUSER_PASSWORD = "correct horse battery staple"


def superuser_with_totp(username: str = "platform-admin") -> tuple[User, TOTPDevice]:
    user = User.objects.create_superuser(username=username, password=SUPERUSER_PASSWORD)
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    return user, device


def totp_code(device: TOTPDevice) -> str:
    """The code the person's authenticator app shows now."""
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{code:0{device.digits}d}"


def wrong_totp_code(device: TOTPDevice) -> str:
    return f"{(int(totp_code(device)) + 500_000) % 1_000_000:06d}"


def log_in_verified(client: Client, user: User, device: Any) -> Client:
    """A session as after password and code: logged in, the device verified."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def verified_admin_client(db: None, client: Client) -> Client:
    """A client logged in to the admin as a platform superuser who passed the second factor."""
    user, device = superuser_with_totp()
    return log_in_verified(client, user, device)
