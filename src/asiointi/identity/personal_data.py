"""The person's own details in the personal data registry (privacy.personal_data)."""

import uuid
from importlib import import_module
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from asiointi.identity.models import LoginSession, User
from asiointi.identity.selectors import person_data
from asiointi.privacy.personal_data import Customer, Section, personal_data_register


def _person(customer: Customer) -> dict[str, Any]:
    return person_data(person=customer.person) if customer.person else {}


def _sessions_end(keys: list[str]) -> None:
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for key in keys:
        store(session_key=key).delete()


@transaction.atomic
def person_anonymise(*, person: User) -> int:
    """Everything that says who the account was goes; the row stays, so that the records an
    agency must keep (sent submissions, the audit log) still point at one, nameless, account.
    The same person identifying again gets a new account."""
    keys = list(LoginSession.objects.filter(user=person).values_list("session_key", flat=True))
    LoginSession.objects.filter(user=person).delete()
    transaction.on_commit(lambda: _sessions_end(keys))
    User.objects.filter(pk=person.pk).update(
        username=f"erased-{uuid.uuid4().hex}",
        identity_code_digest=None,
        identity_code_encrypted="",
        provider_subject=None,
        first_name="",
        last_name="",
        email="",
        email_verified_at=None,
        mobile_number="",
        mobile_verified_at=None,
        home_municipality_code="",
        home_municipality_name="",
        street_address="",
        postal_code="",
        post_office="",
        is_active=False,
    )
    return 1


def _person_erase(customer: Customer) -> int:
    return person_anonymise(person=customer.person) if customer.person else 0


def register() -> None:
    personal_data_register(
        Section("person", _("Personal details"), _person, erase=_person_erase, order=10)
    )
