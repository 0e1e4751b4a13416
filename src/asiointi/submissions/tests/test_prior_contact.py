"""A form service that needs contact with the agency first, through "Siirry palveluun": the reason
and the agency's contacts until access is granted to this customer, then the form."""

import pytest
from django.test import Client
from django.utils import timezone

from asiointi.catalogue.models import Service
from asiointi.customers.acting import SESSION_ACTING_ORGANISATION
from asiointi.customers.services import customer_for_organisation, customer_for_person
from asiointi.identity.models import User
from asiointi.organisations.models import Organisation
from asiointi.organisations.selectors import Rights, rights_remember
from asiointi.submissions.services import access_grant
from asiointi.submissions.tests.support import url

pytestmark = pytest.mark.usefixtures("demo_forms")
SLUG = "ilmoitus-tai-palaute"


def go_to_the_service(client: Client) -> tuple[int, str]:
    start = client.get(url("catalogue:service_start", SLUG))
    assert start.headers["Location"] == url("eforms:start", SLUG)
    page = client.get(start.headers["Location"])
    return page.status_code, page.content.decode()


def assert_contact_first(status: int, page: str, service: Service) -> None:
    assert status == 403
    assert "Ota ensin yhteyttä virastoon" in page
    assert "Näin tavoitat viraston" in page
    assert service.name_fi in page and service.agency.name_fi in page
    assert service.contact_first_instructions in page
    assert (service.contact_phone or service.agency.phone) in page


def test_a_resident_without_access_gets_the_reason_and_contacts_then_the_form(
    tessa_client: Client, tessa: User
) -> None:
    Service.objects.filter(slug=SLUG).update(requires_prior_contact=True)
    service = Service.objects.select_related("agency").get(slug=SLUG)
    assert_contact_first(*go_to_the_service(tessa_client), service)
    access_grant(service=service, customer=customer_for_person(tessa))
    status, _page = go_to_the_service(tessa_client)
    assert status == 200


def test_an_organisation_without_access_gets_the_reason_even_if_its_representative_has_it(
    tessa_client: Client, tessa: User
) -> None:
    Service.objects.filter(slug=SLUG).update(requires_prior_contact=True)
    service = Service.objects.select_related("agency").get(slug=SLUG)
    access_grant(service=service, customer=customer_for_person(tessa))
    organisation = Organisation.objects.create(
        business_id="0737546-2", name="Käpylän Kotiseutuyhdistys ry", registered_at=timezone.now()
    )
    rights_remember(person=tessa, organisation=organisation, rights=Rights(roles=("PJ",)))
    session = tessa_client.session
    session[SESSION_ACTING_ORGANISATION] = organisation.pk
    session.save()
    status, page = go_to_the_service(tessa_client)
    assert_contact_first(status, page, service)
    assert "Käpylän Kotiseutuyhdistys ry" in page
    access_grant(service=service, customer=customer_for_organisation(organisation))
    assert go_to_the_service(tessa_client)[0] == 200
