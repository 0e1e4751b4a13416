"""The invitee's one-time link: it sets a password only where the account has none, takes the
authenticator app's code before anything is kept, and stops working once used, after 72 hours,
when a newer link is sent or when the person no longer works for any agency."""

import datetime
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from asiointi.backoffice.models import AgencyMembership, StaffInvitation
from asiointi.backoffice.tests.support import OWNING_AGENCY, staff_client, staff_member, url
from asiointi.identity.models import User

pytestmark = pytest.mark.usefixtures("demo_forms")
Role = AgencyMembership.Role
Capture = Callable[..., Any]
EMAIL = "veera@example.fi"
PASSWORD = "kolme vihreää kameliaa"


@pytest.fixture
def admin(db: None) -> Client:
    return staff_client("ansa", OWNING_AGENCY, Role.AGENCY_ADMIN)


def invite(admin: Client, capture: Capture) -> str:
    data = {"first_name": "Veera", "last_name": "V", "email": EMAIL, "role": "clerk"}
    mail.outbox.clear()
    with capture(execute=True):
        assert admin.post(url("backoffice:staff_add", OWNING_AGENCY), data).status_code == 303
    return link_sent()


def link_sent() -> str:
    found = re.search(r"http\S+(/fi/\S+/kutsu/\S+/)", str(mail.outbox[-1].body))
    assert found, mail.outbox[-1].body
    return found.group(1)


def code_now() -> str:
    key = bytes.fromhex(StaffInvitation.objects.get(used_at__isnull=True).totp_key)
    return f"{totp(key):06d}"


def set_up(link: str, code: str, password: str = PASSWORD) -> Any:
    data = {"new_password1": password, "new_password2": password, "code": code}
    return Client().post(link, data)


def test_the_page_shows_the_key_as_text_and_as_an_inline_qr_code(
    admin: Client, django_capture_on_commit_callbacks: Capture
) -> None:
    page = Client().get(invite(admin, django_capture_on_commit_callbacks))
    assert page.status_code == 200 and page["Cache-Control"].startswith("max-age=0")
    text = page.content.decode()
    assert '<svg class="staff-qr" role="img"' in text and "otpauth://totp/" in text
    assert re.search(r'id="totp-secret">([A-Z2-7]{4} ){7}[A-Z2-7]{4}<', text)


def test_a_wrong_code_keeps_nothing_and_says_so(
    admin: Client, django_capture_on_commit_callbacks: Capture
) -> None:
    link = invite(admin, django_capture_on_commit_callbacks)
    right = int(code_now())
    response = set_up(link, f"{(right + 500_000) % 1_000_000:06d}")
    assert response.status_code == 400
    assert "Koodi on väärä" in response.content.decode()
    user = User.objects.get(email=EMAIL)
    assert not user.has_usable_password() and not TOTPDevice.objects.filter(user=user).exists()
    assert set_up(link, code_now()).status_code == 200


def test_a_weak_password_is_refused_by_djangos_validators(
    admin: Client, django_capture_on_commit_callbacks: Capture
) -> None:
    link = invite(admin, django_capture_on_commit_callbacks)
    response = set_up(link, code_now(), password="12345678")
    assert response.status_code == 400
    assert not User.objects.get(email=EMAIL).has_usable_password()


def test_after_a_reset_the_link_sets_up_the_app_and_leaves_the_password(
    admin: Client, django_capture_on_commit_callbacks: Capture
) -> None:
    user, _device = staff_member("kalle", OWNING_AGENCY)
    User.objects.filter(pk=user.pk).update(email="kalle@example.fi")
    member = AgencyMembership.objects.get(user=user)
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(url("backoffice:staff_reset", OWNING_AGENCY, member.pk))
    link = link_sent()
    page = Client().get(link).content.decode()
    assert 'name="new_password1"' not in page
    password = User.objects.get(pk=user.pk).password
    assert Client().post(link, {"code": code_now()}).status_code == 200
    assert User.objects.get(pk=user.pk).password == password
    assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 1


def test_a_used_link_no_longer_works(
    admin: Client, django_capture_on_commit_callbacks: Capture
) -> None:
    link = invite(admin, django_capture_on_commit_callbacks)
    assert set_up(link, code_now()).status_code == 200
    assert Client().get(link).status_code == 410
    assert set_up(link, "000000").status_code == 410


def test_a_link_older_than_72_hours_no_longer_works(
    admin: Client, django_capture_on_commit_callbacks: Capture
) -> None:
    link = invite(admin, django_capture_on_commit_callbacks)
    ago = datetime.timedelta(hours=72, minutes=1)
    StaffInvitation.objects.update(created_at=StaffInvitation.objects.get().created_at - ago)
    assert Client().get(link).status_code == 410


def test_a_newer_link_replaces_the_older(
    admin: Client, django_capture_on_commit_callbacks: Capture
) -> None:
    first = invite(admin, django_capture_on_commit_callbacks)
    member = AgencyMembership.objects.get(user__email=EMAIL)
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(url("backoffice:staff_reset", OWNING_AGENCY, member.pk))
    assert Client().get(first).status_code == 410
    assert Client().get(link_sent()).status_code == 200


def test_a_forged_link_and_a_removed_members_link_do_not_work(
    admin: Client, django_capture_on_commit_callbacks: Capture
) -> None:
    link = invite(admin, django_capture_on_commit_callbacks)
    forged = link.replace(link.split("/")[-2], "MTIz:1abcde:forged")
    assert Client().get(forged).status_code == 410
    member = AgencyMembership.objects.get(user__email=EMAIL)
    admin.post(url("backoffice:staff_remove", OWNING_AGENCY, member.pk))
    assert Client().get(link).status_code == 410
