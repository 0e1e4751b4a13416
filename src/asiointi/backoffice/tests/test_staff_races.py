"""Staff management pressed twice at the same moment, each request on its own PostgreSQL
connection: one account, one membership and one invitation for two presses of "Add"; one
set-up for two uses of one invitation link."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from asiointi.backoffice.models import AgencyMembership, StaffInvitation
from asiointi.backoffice.tests.support import OWNING_AGENCY, staff_client, url
from asiointi.backoffice.tests.test_admin_login_concurrency import race
from asiointi.identity.models import User
from asiointi.privacy.models import AuditEvent

pytestmark = pytest.mark.usefixtures("demo_forms")
Role = AgencyMembership.Role
EMAIL = "veera@example.fi"


@pytest.fixture(autouse=True)
def _postgresql_only(transactional_db: None) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("races need PostgreSQL: set DATABASE_URL=postgres://… (CI does)")


def _add(admin: Client) -> int:
    data = {"first_name": "Veera", "last_name": "Virkailija", "email": EMAIL, "role": "clerk"}
    return admin.post(url("backoffice:staff_add", OWNING_AGENCY), data).status_code


def test_add_pressed_twice_at_once_makes_one_account_one_membership_one_invitation() -> None:
    admin = staff_client("ansa", OWNING_AGENCY, Role.AGENCY_ADMIN)
    answers = race(lambda: _add(admin), lambda: _add(admin))
    assert sorted(answers) == [303, 400], answers
    assert User.objects.filter(email=EMAIL).count() == 1
    assert AgencyMembership.objects.filter(user__email=EMAIL).count() == 1
    assert StaffInvitation.objects.filter(user__email=EMAIL).count() == 1
    assert len([m for m in mail.outbox if m.to == [EMAIL]]) == 1
    assert AuditEvent.objects.filter(action=AuditEvent.Action.STAFF_CHANGED).count() == 1


def test_one_invitation_link_used_twice_at_once_sets_up_once() -> None:
    admin = staff_client("ansa", OWNING_AGENCY, Role.AGENCY_ADMIN)
    assert _add(admin) == 303
    [message] = [m for m in mail.outbox if m.to == [EMAIL]]
    link = re.search(r"http\S+(/fi/\S+/kutsu/\S+/)", str(message.body))
    assert link, message.body
    invitation = StaffInvitation.objects.get()
    key = bytes.fromhex(invitation.totp_key)
    code = f"{totp(key):06d}"
    data = {"new_password1": "kolme vihreää kameliaa", "new_password2": "kolme vihreää kameliaa"}

    def use() -> int:
        return Client().post(link.group(1), {**data, "code": code}).status_code

    answers = race(use, use)
    assert sorted(answers) == [200, 410], answers
    user = User.objects.get(email=EMAIL)
    assert user.has_usable_password()
    assert TOTPDevice.objects.filter(user=user).count() == 1
    assert StaticDevice.objects.filter(user=user).count() == 1
    assert StaticToken.objects.filter(device__user=user).count() == 10
    assert StaffInvitation.objects.get().used_at is not None
