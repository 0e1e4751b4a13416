"""An agency administrator manages the agency's staff: adds a member (an invitation goes out),
changes roles, removes members and resets a second factor; the last administrator and the
administrator themself are protected; everything is in the audit log; nobody else gets in."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from asiointi.backoffice.models import AgencyMembership, StaffInvitation
from asiointi.backoffice.tests.fixtures import log_in_verified, superuser_with_totp
from asiointi.backoffice.tests.support import (
    OTHER_AGENCY,
    OWNING_AGENCY,
    auditor_member,
    staff_client,
    staff_member,
    url,
)
from asiointi.identity.models import User
from asiointi.privacy.models import AuditEvent
from asiointi.submissions.tests.conftest import make_resident

pytestmark = pytest.mark.usefixtures("demo_forms")
Role = AgencyMembership.Role
Capture = Callable[..., Any]


@pytest.fixture
def admin(db: None) -> Client:
    return staff_client("ansa", OWNING_AGENCY, Role.AGENCY_ADMIN)


def membership(username: str) -> AgencyMembership:
    return AgencyMembership.objects.get(user__username=username, agency__slug=OWNING_AGENCY)


def add(client: Client, email: str, role: str = Role.CLERK, agency: str = OWNING_AGENCY) -> Any:
    data = {"first_name": "Veera", "last_name": "Virkailija", "email": email, "role": role}
    return client.post(url("backoffice:staff_add", agency), data)


def test_the_staff_page_lists_members_with_role_second_factor_and_last_login(
    admin: Client,
) -> None:
    staff_member("kalle", OWNING_AGENCY)
    page = admin.get(url("backoffice:staff", OWNING_AGENCY))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Kalle Virkailija" in text and "Ansa Virkailija" in text
    assert "Pääkäyttäjä" in text or "Viraston pääkäyttäjä" in text
    assert "Käytössä" in text and "Ei koskaan" in text


def test_adding_a_new_person_makes_an_account_without_password_and_sends_a_link(
    admin: Client, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = add(admin, "Veera.V@example.fi")
    assert response.status_code == 303
    user = User.objects.get(email="veera.v@example.fi")
    assert user.username == "veera.v@example.fi" and not user.has_usable_password()
    assert membership(user.username).role == Role.CLERK
    [message] = mail.outbox
    assert message.to == ["veera.v@example.fi"]
    assert re.search(r"http\S+/kutsu/\S+/", str(message.body))
    event = AuditEvent.objects.get(action=AuditEvent.Action.STAFF_CHANGED)
    assert event.details["what"] == "member added" and event.target == f"user:{user.pk}"


def test_a_member_of_another_agency_is_added_with_their_account_and_told_without_a_link(
    admin: Client, django_capture_on_commit_callbacks: Capture
) -> None:
    other, _device = staff_member("olli", OTHER_AGENCY)
    User.objects.filter(pk=other.pk).update(email="olli@example.fi")
    with django_capture_on_commit_callbacks(execute=True):
        assert add(admin, "OLLI@example.fi", Role.SERVICE_MANAGER).status_code == 303
    assert membership("olli").role == Role.SERVICE_MANAGER
    assert User.objects.filter(email__iexact="olli@example.fi").count() == 1
    [message] = mail.outbox
    assert "/kutsu/" not in message.body and "/virkailija/kirjaudu/" in message.body
    assert not StaffInvitation.objects.exists()


def test_a_residents_account_never_becomes_staff(admin: Client) -> None:
    resident = make_resident("010280-952L", "Tessa", "Testilä", "tessa@example.fi")
    assert add(admin, "tessa@example.fi").status_code == 303
    assert not resident.agency_memberships.exists()
    assert membership("tessa@example.fi").user != resident


def test_adding_a_member_twice_is_refused(admin: Client) -> None:
    assert add(admin, "veera@example.fi").status_code == 303
    again = add(admin, "veera@example.fi")
    assert again.status_code == 400
    assert "on jo viraston henkilöstössä" in again.content.decode()
    assert AgencyMembership.objects.filter(user__email="veera@example.fi").count() == 1


def test_a_bad_address_is_told_and_nothing_is_added(admin: Client) -> None:
    response = add(admin, "not an address")
    assert response.status_code == 400
    assert "nimi@example.fi" in response.content.decode()
    assert not User.objects.filter(email="not an address").exists()


def test_the_role_changes_and_is_audited(admin: Client) -> None:
    staff_member("kalle", OWNING_AGENCY)
    target = membership("kalle")
    response = admin.post(
        url("backoffice:staff_role", OWNING_AGENCY, target.pk), {"role": "agency_admin"}
    )
    assert response.status_code == 303
    assert membership("kalle").role == Role.AGENCY_ADMIN
    event = AuditEvent.objects.get(action=AuditEvent.Action.STAFF_CHANGED)
    assert event.details == {
        "what": "role changed",
        "agency": OWNING_AGENCY,
        "role": "agency_admin",
        "before": "clerk",
    }


def test_the_last_administrator_cannot_be_demoted_or_removed(db: None) -> None:
    superuser, device = superuser_with_totp()
    platform = log_in_verified(Client(), superuser, device)
    staff_member("ansa", OWNING_AGENCY, Role.AGENCY_ADMIN)
    last = membership("ansa")
    demote = platform.post(url("backoffice:staff_role", OWNING_AGENCY, last.pk), {"role": "clerk"})
    assert demote.status_code == 400
    assert "Virasto tarvitsee pääkäyttäjän" in demote.content.decode()
    remove = platform.post(url("backoffice:staff_remove", OWNING_AGENCY, last.pk))
    assert remove.status_code == 400
    assert membership("ansa").role == Role.AGENCY_ADMIN
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.STAFF_CHANGED).exists()


def test_an_administrator_cannot_remove_or_demote_themself(admin: Client) -> None:
    staff_member("toinen", OWNING_AGENCY, Role.AGENCY_ADMIN)
    own = membership("ansa")
    remove = admin.post(url("backoffice:staff_remove", OWNING_AGENCY, own.pk))
    assert remove.status_code == 400
    assert "Et voi poistaa itseäsi" in remove.content.decode()
    demote = admin.post(url("backoffice:staff_role", OWNING_AGENCY, own.pk), {"role": "clerk"})
    assert demote.status_code == 400
    assert membership("ansa").role == Role.AGENCY_ADMIN


def test_another_administrator_can_be_removed_after_confirming(admin: Client) -> None:
    staff_member("toinen", OWNING_AGENCY, Role.AGENCY_ADMIN)
    other = membership("toinen")
    address = url("backoffice:staff_remove", OWNING_AGENCY, other.pk)
    confirm = admin.get(address)
    assert confirm.status_code == 200 and "Toinen Virkailija" in confirm.content.decode()
    assert AgencyMembership.objects.filter(pk=other.pk).exists()
    assert admin.post(address).status_code == 303
    assert not AgencyMembership.objects.filter(pk=other.pk).exists()
    assert User.objects.filter(username="toinen").exists()
    assert AuditEvent.objects.get(action=AuditEvent.Action.STAFF_CHANGED).details["what"] == (
        "member removed"
    )


def test_resetting_the_second_factor_ends_the_members_session_and_sends_a_link(
    admin: Client, django_capture_on_commit_callbacks: Capture
) -> None:
    user, device = staff_member("kalle", OWNING_AGENCY)
    StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
    kalle = log_in_verified(Client(), user, device)
    assert kalle.get(url("backoffice:inbox", OWNING_AGENCY)).status_code == 200
    User.objects.filter(pk=user.pk).update(email="kalle@example.fi")
    address = url("backoffice:staff_reset", OWNING_AGENCY, membership("kalle").pk)
    assert admin.get(address).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert admin.post(address).status_code == 303
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticDevice.objects.filter(user=user).exists()
    assert kalle.get(url("backoffice:inbox", OWNING_AGENCY)).status_code == 302
    [message] = mail.outbox
    assert message.to == ["kalle@example.fi"] and "/kutsu/" in message.body


def test_a_member_without_an_e_mail_address_keeps_their_second_factor(admin: Client) -> None:
    user, _device = staff_member("kalle", OWNING_AGENCY)
    address = url("backoffice:staff_reset", OWNING_AGENCY, membership("kalle").pk)
    page = admin.post(address)
    assert page.status_code == 400
    assert "ei ole toimivaa sähköpostiosoitetta" in page.content.decode()
    assert TOTPDevice.objects.filter(user=user).exists()
    assert not mail.outbox


@pytest.mark.parametrize(
    "persona",
    ["clerk", "manager", "other agency's admin", "auditor"],
)
def test_other_staff_get_404(db: None, persona: str) -> None:
    staff_member("kalle", OWNING_AGENCY)
    target = membership("kalle")
    if persona == "auditor":
        user, device = auditor_member("tarja")
        client = log_in_verified(Client(), user, device)
    else:
        agency, role = {
            "clerk": (OWNING_AGENCY, Role.CLERK),
            "manager": (OWNING_AGENCY, Role.SERVICE_MANAGER),
            "other agency's admin": (OTHER_AGENCY, Role.AGENCY_ADMIN),
        }[persona]
        client = staff_client("someone", agency, role)
    for name in ("staff_remove", "staff_reset"):
        assert client.get(url(f"backoffice:{name}", OWNING_AGENCY, target.pk)).status_code == 404
        assert client.post(url(f"backoffice:{name}", OWNING_AGENCY, target.pk)).status_code == 404
    assert client.get(url("backoffice:staff", OWNING_AGENCY)).status_code == 404
    assert add(client, "veera@example.fi").status_code == 404
    assert AgencyMembership.objects.filter(pk=target.pk).exists()


def test_an_administrator_cannot_reach_another_agencys_member_through_their_own_agency(
    admin: Client,
) -> None:
    staff_member("olli", OTHER_AGENCY)
    theirs = AgencyMembership.objects.get(user__username="olli")
    address = url("backoffice:staff_remove", OWNING_AGENCY, theirs.pk)
    assert admin.get(address).status_code == 404
    assert admin.post(address).status_code == 404


def test_anonymous_and_residents_are_sent_to_the_staff_login(tessa_client: Client) -> None:
    for client in (Client(), tessa_client):
        response = client.get(url("backoffice:staff", OWNING_AGENCY))
        assert response.status_code == 302
        assert response["Location"].startswith(url("backoffice:login"))


def test_the_menu_shows_staff_to_administrators_only(admin: Client) -> None:
    staff_url = url("backoffice:staff", OWNING_AGENCY)
    assert staff_url in admin.get(url("backoffice:inbox", OWNING_AGENCY)).content.decode()
    manager = staff_client("maija", OWNING_AGENCY, Role.SERVICE_MANAGER)
    assert staff_url not in manager.get(url("backoffice:inbox", OWNING_AGENCY)).content.decode()
