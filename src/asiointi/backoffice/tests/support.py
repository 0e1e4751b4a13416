"""A sent case and the staff who handle it, for the back office's tests."""

from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from asiointi.backoffice.models import AgencyMembership, PlatformRole
from asiointi.backoffice.services import agency_membership_add
from asiointi.backoffice.tests.fixtures import SUPERUSER_PASSWORD, log_in_verified
from asiointi.catalogue.models import Agency
from asiointi.identity.models import User
from asiointi.submissions.models import Submission
from asiointi.submissions.tests.support import fill_parking

PASSWORD = SUPERUSER_PASSWORD
OWNING_AGENCY = "kaupunkiymparisto"  # the demo parking permit's agency
OTHER_AGENCY = "tyovaenopisto"
Role = AgencyMembership.Role


def staff_member(
    username: str, agency_slug: str = OWNING_AGENCY, role: str = Role.CLERK
) -> tuple[User, TOTPDevice]:
    user = User.objects.create_user(
        username=username, password=PASSWORD, first_name=username.title(), last_name="Virkailija"
    )
    agency_membership_add(user=user, agency=Agency.objects.get(slug=agency_slug), role=role)
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    return user, device


def staff_client(username: str, agency_slug: str = OWNING_AGENCY, role: str = Role.CLERK) -> Client:
    user, device = staff_member(username, agency_slug, role)
    return log_in_verified(Client(), user, device)


def send_parking(client: Client, capture: Any) -> Submission:
    """The resident fills in and sends the demo parking permit form; delivery runs on commit."""
    draft = fill_parking(client)
    with capture(execute=True):
        response = client.post(url("submissions:draft_check", draft.pk))
    assert response.status_code == 302, response.content.decode()[:2000]
    return Submission.objects.get(draft_key=draft.pk)


def url(name: str, *args: object, language: str = "fi") -> str:
    with translation.override(language):
        return reverse(name, args=args)


def case_url(name: str, submission: Submission, *extra: object, language: str = "fi") -> str:
    return url(
        name, submission.service.agency.slug, submission.reference, *extra, language=language
    )


def auditor_member(username: str) -> tuple[User, TOTPDevice]:
    """A member of staff with the auditor role and no agency: the audit log is all they see."""
    user = User.objects.create_user(
        username=username, password=PASSWORD, first_name=username.title(), last_name="Tarkastaja"
    )
    PlatformRole.objects.create(user=user, role=PlatformRole.Role.AUDITOR)
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    return user, device
