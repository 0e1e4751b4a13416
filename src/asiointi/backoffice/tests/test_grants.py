"""A service manager opens a prior-contact service to the customer who contacted the agency:
found by identity code or business ID (posted, audit-logged), granted until a day, revoked."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from asiointi.backoffice.models import AgencyMembership
from asiointi.backoffice.tests.support import OTHER_AGENCY, staff_client, url
from asiointi.catalogue.models import Service
from asiointi.customers.services import customer_for_organisation
from asiointi.identity.models import User
from asiointi.organisations.models import Organisation
from asiointi.privacy.models import AuditEvent
from asiointi.submissions.models import AccessGrant

pytestmark = pytest.mark.usefixtures("demo_forms")
Role = AgencyMembership.Role
SLUG = "ilmoitus-tai-palaute"
TESSA_CODE = "010280-952L"


@pytest.fixture
def service(db: None) -> Service:
    Service.objects.filter(slug=SLUG).update(requires_prior_contact=True)
    return Service.objects.select_related("agency").get(slug=SLUG)


@pytest.fixture
def manager(service: Service) -> Client:
    return staff_client("manager", agency_slug=service.agency.slug, role=Role.SERVICE_MANAGER)


def form_status(client: Client) -> int:
    start = client.get(url("catalogue:service_start", SLUG))
    return client.get(start.headers["Location"]).status_code


def find(manager: Client, service: Service, identifier: str) -> str:
    response = manager.post(
        url("backoffice:grant_find", service.agency.slug), {"identifier": identifier}
    )
    return response.content.decode()


def grant(manager: Client, service: Service, page: str, valid_until: str = "") -> object:
    token = re.search(r'name="customer" value="([^"]+)"', page)
    assert token, "the customer found has a grant form"
    return manager.post(
        url("backoffice:grant_add", service.agency.slug),
        {"customer": token[1], "service": service.pk, "valid_until": valid_until},
    )


def test_a_granted_resident_sees_the_service_open_until_it_is_revoked(
    manager: Client, service: Service, tessa_client: Client, tessa: User
) -> None:
    assert form_status(tessa_client) == 403
    page = find(manager, service, TESSA_CODE.lower())
    assert "Tessa Testilä" in page and "010280-****" in page
    assert TESSA_CODE not in page
    next_year = (timezone.localdate() + datetime.timedelta(days=365)).isoformat()
    response = grant(manager, service, page, next_year)
    assert response.status_code == 303  # type: ignore[attr-defined]
    assert form_status(tessa_client) == 200
    listed = manager.get(url("backoffice:grants", service.agency.slug)).content.decode()
    assert "Tessa Testilä" in listed and str(service.name) in listed
    looked_up = AuditEvent.objects.get(details__what="customer looked up for an access grant")
    assert looked_up.details["identifier"] == "010280-****" and looked_up.details["found"]
    assert TESSA_CODE not in str(looked_up.details)

    grant_row = AccessGrant.objects.get()
    assert grant_row.valid_until.isoformat() == next_year  # type: ignore[union-attr]
    revoke = url("backoffice:grant_revoke", service.agency.slug, grant_row.pk)
    assert manager.post(revoke).status_code == 303
    assert manager.post(revoke).status_code == 303  # a second press: nothing more to do
    assert form_status(tessa_client) == 403


def test_a_grant_that_has_ended_no_longer_opens_the_service(
    manager: Client, service: Service, tessa_client: Client, tessa: User
) -> None:
    grant(manager, service, find(manager, service, TESSA_CODE))
    assert form_status(tessa_client) == 200
    AccessGrant.objects.update(valid_until=timezone.localdate() - datetime.timedelta(days=1))
    assert form_status(tessa_client) == 403
    listed = manager.get(url("backoffice:grants", service.agency.slug))
    assert "Päättynyt" in listed.content.decode()


def test_an_organisation_is_found_by_its_business_id(manager: Client, service: Service) -> None:
    organisation = Organisation.objects.create(
        business_id="0737546-2", name="Käpylän Kotiseutuyhdistys ry", registered_at=timezone.now()
    )
    page = find(manager, service, "0737546-2")
    assert "Käpylän Kotiseutuyhdistys ry" in page
    grant(manager, service, page)
    assert AccessGrant.objects.get().customer == customer_for_organisation(organisation)


def test_a_mistyped_code_is_explained_and_kept(manager: Client, service: Service) -> None:
    response = manager.post(
        url("backoffice:grant_find", service.agency.slug), {"identifier": "010280-952X"}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Tarkista tunnus" in page and 'value="010280-952X"' in page


def test_nobody_found_says_so_and_is_audited(manager: Client, service: Service) -> None:
    page = find(manager, service, "131052-308T")
    assert "Asiakasta ei löytynyt" in page
    assert AuditEvent.objects.get(details__found=False).details["identifier"] == "131052-****"


def test_a_forged_or_old_customer_token_grants_nothing(manager: Client, service: Service) -> None:
    response = manager.post(
        url("backoffice:grant_add", service.agency.slug),
        {"customer": "1:forged", "service": service.pk},
    )
    assert response.status_code == 400
    assert "Hae asiakas uudelleen" in response.content.decode()
    assert not AccessGrant.objects.exists()


def test_a_clerk_or_another_agency_cannot_grant(
    service: Service, tessa_client: Client, tessa: User
) -> None:
    clerk = staff_client("clerk", agency_slug=service.agency.slug, role=Role.CLERK)
    assert clerk.get(url("backoffice:grants", service.agency.slug)).status_code == 404
    other = staff_client("other", agency_slug=OTHER_AGENCY, role=Role.SERVICE_MANAGER)
    assert other.get(url("backoffice:grants", service.agency.slug)).status_code == 404
    own_page = other.get(url("backoffice:grants", OTHER_AGENCY)).content.decode()
    assert str(service.name) not in own_page
