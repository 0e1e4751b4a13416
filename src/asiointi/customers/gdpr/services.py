"""What the GDPR API reads and erases: the person's own customer, through the personal data
registry (privacy.personal_data), the same one "Download my data" is made from."""

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from asiointi.customers.models import Customer
from asiointi.customers.services import customer_for_person
from asiointi.identity.models import User
from asiointi.privacy.personal_data import (
    ErasureBlocker,
    as_tree,
    erasure_blockers,
    personal_data_collect,
    personal_data_erase,
)

ROOT_KEY = "ASIOINTI"


def person_by_subject(subject: str) -> User | None:
    """The resident the identity provider names `subject`; an erased account is nobody."""
    if not subject:
        return None
    return User.objects.filter(provider_subject=subject, is_active=True).first()


def person_data_tree(person: User) -> dict[str, Any]:
    # Every resident has a customer row from their first page behind login; one who never got
    # that far gets the (empty) row now, so every section reads the same way.
    data = personal_data_collect(customer_for_person(person))
    return {"key": ROOT_KEY, "children": [as_tree(key, value) for key, value in data.items()]}


class DryRun(Exception):
    """Rolls back an erasure that was only tried."""


@dataclass
class Erasure:
    blockers: list[ErasureBlocker] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def person_erase(*, person: User, dry_run: bool) -> Erasure:
    """Erase or anonymise everything the portal holds about the person, unless something must
    wait (`blockers`, and nothing changed). A dry run does it all and rolls it back, so it
    answers exactly as the real one would; stored files are deleted only on commit."""
    result = Erasure()
    try:
        with transaction.atomic():
            customer = customer_for_person(person)
            # Locked, so nothing new (a submission, an enrollment) is added while erasing.
            Customer.objects.select_for_update().filter(pk=customer.pk).values_list("pk").get()
            result.blockers = erasure_blockers(customer)
            if result.blockers:
                return result
            result.counts = personal_data_erase(customer)
            if dry_run:
                raise DryRun
    except DryRun:
        pass
    return result
