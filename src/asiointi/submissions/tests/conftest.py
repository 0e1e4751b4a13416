"""Personas for forms and submissions: a registered resident, a stranger, and the demo forms."""

import pytest
from django.test import Client
from django.utils import timezone

from asiointi.catalogue.demo import load_demo as load_catalogue
from asiointi.eforms.demo import load_demo as load_forms
from asiointi.identity.models import User
from asiointi.privacy.identity_codes import identity_code_digest, identity_code_encrypt


def make_resident(code: str, first: str, last: str, email: str) -> User:
    return User.objects.create(
        username=f"person-{code}",
        identity_code_digest=identity_code_digest(code),
        identity_code_encrypted=identity_code_encrypt(code),
        first_name=first,
        last_name=last,
        home_municipality_code="091",
        home_municipality_name="Helsinki",
        street_address="Mannerheimintie 1 A 2",
        postal_code="00100",
        post_office="Helsinki",
        registered_at=timezone.now(),
        email=email,
        email_verified_at=timezone.now(),
    )


@pytest.fixture
def demo_forms(db: None) -> None:
    load_catalogue()
    load_forms()


@pytest.fixture
def tessa(db: None) -> User:
    return make_resident("010280-952L", "Tessa", "Testilä", "tessa@example.fi")


@pytest.fixture
def tessa_client(tessa: User) -> Client:
    client = Client()
    client.force_login(tessa)
    return client


@pytest.fixture
def stranger_client(db: None) -> Client:
    client = Client()
    client.force_login(make_resident("010594Y9032", "Joni", "Kivi", "joni@example.fi"))
    return client
