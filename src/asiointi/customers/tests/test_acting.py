import pytest
from django.db import IntegrityError
from django.test import Client

from asiointi.customers.acting import (
    EVERYTHING,
    ActingRefused,
    acting_check,
    acting_get,
    acting_set,
)
from asiointi.customers.models import Customer
from asiointi.customers.services import customer_for_organisation, customer_for_person
from asiointi.identity.tests.factories import logged_in_client
from asiointi.organisations.models import Organisation
from asiointi.organisations.selectors import Rights, rights_remember

pytestmark = pytest.mark.django_db


def test_a_customer_is_a_person_or_an_organisation_never_both_or_neither(client: Client) -> None:
    person = logged_in_client(client)
    organisation = Organisation.objects.create(business_id="0112038-9", name="Testi Oy")
    with pytest.raises(IntegrityError):
        Customer.objects.create(person=person, organisation=organisation)


def test_neither_person_nor_organisation_is_refused() -> None:
    with pytest.raises(IntegrityError):
        Customer.objects.create()


def test_one_customer_per_person_and_organisation(client: Client) -> None:
    person = logged_in_client(client)
    organisation = Organisation.objects.create(business_id="0112038-9", name="Testi Oy")
    assert customer_for_person(person) == customer_for_person(person)
    assert customer_for_organisation(organisation) == customer_for_organisation(organisation)
    assert Customer.objects.count() == 2


def test_a_person_acts_as_themself_until_they_choose_an_organisation(rf, client: Client) -> None:  # type: ignore[no-untyped-def]
    person = logged_in_client(client)
    organisation = Organisation.objects.create(business_id="0112038-9", name="Testi Oy")
    request = rf.get("/")
    request.user = person
    request.session = client.session

    acting = acting_get(request)
    assert acting is not None
    assert acting.customer.person == person and not acting.is_organisation

    acting_set(request, organisation)
    acting = acting_get(request)
    assert acting is not None
    assert acting.person == person
    assert acting.customer.organisation == organisation


def test_acting_for_an_organisation_is_checked_again(rf, client: Client) -> None:  # type: ignore[no-untyped-def]
    person = logged_in_client(client)
    organisation = Organisation.objects.create(business_id="0112038-9", name="Testi Oy")
    request = rf.get("/")
    request.user = person
    request.session = client.session
    acting_set(request, organisation)
    acting = acting_get(request)
    assert acting is not None

    # Without an answer from e-Authorizations there are no rights.
    with pytest.raises(ActingRefused):
        acting_check(acting)
    rights_remember(person=person, organisation=organisation, rights=Rights(roles=("TJ",)))
    assert acting_check(acting).scope == EVERYTHING
    rights_remember(person=person, organisation=organisation, rights=Rights())
    with pytest.raises(ActingRefused):
        acting_check(acting)
