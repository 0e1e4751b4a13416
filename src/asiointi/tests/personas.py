"""The people every access test meets (a pytest plugin of src/conftest.py): a resident, a
resident acting for a company, an unrelated resident, staff of the agency that wrote to the
resident, staff of another agency, and nobody."""

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from asiointi.backoffice.services import agency_membership_add
from asiointi.catalogue.models import Agency, Service
from asiointi.customers.acting import SESSION_ACTING_ORGANISATION, Acting
from asiointi.customers.models import Customer
from asiointi.customers.services import customer_for_organisation, customer_for_person
from asiointi.identity.models import User
from asiointi.identity.tests.factories import logged_in_client
from asiointi.organisations.models import Organisation
from asiointi.organisations.selectors import Rights, rights_remember

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def agency(slug: str = "kaupunkiymparisto", name: str = "Kaupunkiympäristö") -> Agency:
    found, _created = Agency.objects.get_or_create(slug=slug, defaults={"name": name})
    return found


def service(slug: str = "asukaspysakointitunnus", name: str = "Asukaspysäköintitunnus") -> Service:
    found = Service.objects.filter(slug=slug).first()
    if found:
        return found
    return Service.objects.create(slug=slug, name=name, agency=agency())


def resident_client(identity_code: str, subject: str) -> tuple[Client, User]:
    client = Client()
    person = logged_in_client(
        client,
        identity_code=identity_code,
        provider_subject=subject,
        provider_session_id=f"session-{subject}",
        first_names=subject.title(),
    )
    return client, person


def staff_client(username: str, of: Agency) -> tuple[Client, User]:
    user = User.objects.create_user(username=username, is_staff=True)
    agency_membership_add(user=user, agency=of)
    client = Client()
    client.force_login(user)
    return client, user


def act_for(client: Client, organisation: Organisation) -> None:
    session = client.session
    session[SESSION_ACTING_ORGANISATION] = organisation.pk
    session.save()


@dataclass
class Personas:
    resident: Client
    resident_person: User
    resident_customer: Customer
    company_actor: Client
    company_person: User
    company: Organisation
    company_customer: Customer
    unrelated: Client
    unrelated_person: User
    owning_staff: Client
    other_staff: Client
    anonymous: Client
    agency: Agency

    def unrelated_customer(self) -> Customer:
        return customer_for_person(self.unrelated_person)

    def resident_acting(self) -> Acting:
        """The resident acting as themself, as their own requests are served."""
        return Acting(person=self.resident_person, customer=self.resident_customer)

    def unrelated_acting(self) -> Acting:
        return Acting(person=self.unrelated_person, customer=self.unrelated_customer())

    def all(self) -> dict[str, Client]:
        return {
            "resident": self.resident,
            "resident acting for a company": self.company_actor,
            "unrelated resident": self.unrelated,
            "staff of the owning agency": self.owning_staff,
            "staff of another agency": self.other_staff,
            "anonymous": self.anonymous,
        }


@pytest.fixture
def personas(db: None, monkeypatch: Any) -> Personas:
    owning = agency()
    other = agency("kasvatus-ja-koulutus", "Kasvatus ja koulutus")
    resident, resident_person = resident_client("010280-952L", "tessa")
    company_actor, company_person = resident_client("010469-999W", "joni")
    unrelated, _unrelated_person = resident_client("010675-9981", "anna")
    company = Organisation.objects.create(
        business_id="0737546-2", name="Testiyhtiö Oy", registered_at=timezone.now()
    )
    act_for(company_actor, company)

    # The organisations app answers from Suomi.fi e-Authorizations; here Joni is the CEO, as
    # it answered a moment ago (kept for ORGANISATION_RIGHTS_CACHE_SECONDS).
    rights_remember(person=company_person, organisation=company, rights=Rights(roles=("TJ",)))
    return Personas(
        resident=resident,
        resident_person=resident_person,
        resident_customer=customer_for_person(resident_person),
        company_actor=company_actor,
        company_person=company_person,
        company=company,
        company_customer=customer_for_organisation(company),
        unrelated=unrelated,
        unrelated_person=_unrelated_person,
        owning_staff=staff_client("clerk", owning)[0],
        other_staff=staff_client("other-clerk", other)[0],
        anonymous=Client(),
        agency=owning,
    )
