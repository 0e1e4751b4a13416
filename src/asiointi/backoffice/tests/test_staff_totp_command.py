"""manage.py staff_totp: what it prints is enough to log in to the admin."""

from base64 import b32decode
from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import LazySettings
from django.core.management import CommandError, call_command
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from asiointi.backoffice.tests.fixtures import SUPERUSER_PASSWORD
from asiointi.backoffice.tests.test_admin_access import assert_sees_no_admin, log_in
from asiointi.identity.models import User

pytestmark = pytest.mark.django_db


def enrol(username: str, *args: str) -> tuple[str, list[str]]:
    out = StringIO()
    call_command("staff_totp", username, *args, stdout=out)
    lines = out.getvalue().splitlines()
    uri = next(line for line in lines if line.startswith("otpauth://totp/"))
    codes = [line.strip() for line in lines[lines.index(uri) :] if line.startswith("  ")]
    return uri, codes


def code_from(uri: str) -> str:
    secret = parse_qs(urlsplit(uri).query)["secret"][0]
    return f"{totp(b32decode(secret + '=' * (-len(secret) % 8))):06d}"


def test_the_printed_address_sets_up_an_app_that_logs_in(client: Client) -> None:
    User.objects.create_superuser(username="root", password=SUPERUSER_PASSWORD)
    uri, codes = enrol("root")
    assert "issuer=Asiointi" in uri
    assert len(codes) == 10 and len(set(codes)) == 10
    assert log_in(client, "root", code_from(uri)).status_code == 302
    assert client.get("/en/admin/").status_code == 200


def test_each_printed_recovery_code_logs_in_once(client: Client, settings: LazySettings) -> None:
    settings.OTP_STATIC_THROTTLE_FACTOR = 0  # no pause after the refused reuse below
    User.objects.create_superuser(username="root", password=SUPERUSER_PASSWORD)
    _uri, codes = enrol("root", "--no-qr", "--recovery-codes", "2")
    assert len(codes) == 2
    assert log_in(client, "root", codes[0]).status_code == 302
    again = Client()
    assert log_in(again, "root", codes[0]).status_code == 200
    assert_sees_no_admin(again)
    assert log_in(Client(), "root", codes[1]).status_code == 302


def test_a_qr_code_is_printed_for_the_terminal() -> None:
    User.objects.create_superuser(username="root", password=SUPERUSER_PASSWORD)
    out = StringIO()
    call_command("staff_totp", "root", stdout=out)
    assert "█" in out.getvalue()


def test_only_superusers_and_agency_staff_are_set_up() -> None:
    User.objects.create_user(username="clerk", password=SUPERUSER_PASSWORD, is_staff=True)
    with pytest.raises(CommandError, match="neither an active superuser nor a member"):
        call_command("staff_totp", "clerk")
    assert not TOTPDevice.objects.exists()


def test_replacing_an_app_needs_replace_and_retires_the_old_codes(client: Client) -> None:
    User.objects.create_superuser(username="root", password=SUPERUSER_PASSWORD)
    old_uri, old_codes = enrol("root")
    with pytest.raises(CommandError, match="already has an authenticator app"):
        call_command("staff_totp", "root", stdout=StringIO())
    new_uri, _codes = enrol("root", "--replace")
    assert new_uri != old_uri
    assert log_in(client, "root", old_codes[0]).status_code == 200
    assert log_in(client, "root", code_from(new_uri)).status_code == 302
