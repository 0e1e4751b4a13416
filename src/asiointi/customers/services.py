from typing import TYPE_CHECKING

from asiointi.customers.models import Customer

if TYPE_CHECKING:
    from asiointi.identity.models import User
    from asiointi.organisations.models import Organisation


def customer_for_person(person: "User") -> Customer:
    customer, _ = Customer.objects.get_or_create(person=person)
    customer.person = person  # the row just read: notices and the folder need not read it again
    return customer


def customer_for_organisation(organisation: "Organisation") -> Customer:
    customer, _ = Customer.objects.get_or_create(organisation=organisation)
    return customer
