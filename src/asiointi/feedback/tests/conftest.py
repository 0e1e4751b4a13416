"""Two agencies each with a service, residents, and members of staff of each agency."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from asiointi.backoffice.models import AgencyMembership
from asiointi.backoffice.tests.fixtures import log_in_verified, superuser_with_totp
from asiointi.catalogue.models import Agency, Service
from asiointi.catalogue.tests.factories import make_agency, make_service
from asiointi.identity.models import User
from asiointi.submissions.tests.conftest import make_resident, tessa  # noqa: F401


@pytest.fixture
def streets(db: None) -> Agency:
    return make_agency(slug="katu", feedback_email="katu.palaute@example.fi")


@pytest.fixture
def schools(db: None) -> Agency:
    return make_agency(slug="koulu", feedback_email="koulu.palaute@example.fi")


@pytest.fixture
def parking(streets: Agency) -> Service:
    return make_service(agency=streets, slug="pysakointi")


@pytest.fixture
def school_transport(schools: Agency) -> Service:
    return make_service(agency=schools, slug="koulukuljetus")


def feedback_url(service: Service, language: str = "fi") -> str:
    with translation.override(language):
        return reverse("feedback:service", args=[service.slug])


def form_of(client: Client, url: str) -> dict[str, Any]:
    """What the page's form would send untouched: its one-time key."""
    html = client.get(url).content.decode()
    key = html.split('name="form_key" value="', 1)[1].split('"', 1)[0]
    return {"form_key": key}


def staff_client(agency: Agency, username: str) -> Client:
    user, device = superuser_with_totp(username)
    User.objects.filter(pk=user.pk).update(is_superuser=False, is_staff=True)
    user.refresh_from_db()
    AgencyMembership.objects.create(user=user, agency=agency)
    return log_in_verified(Client(), user, device)


@pytest.fixture
def street_clerk(streets: Agency) -> Client:
    return staff_client(streets, "katu-virkailija")


@pytest.fixture
def school_clerk(schools: Agency) -> Client:
    return staff_client(schools, "koulu-virkailija")


@pytest.fixture
def platform_admin(db: None) -> Client:
    user, device = superuser_with_totp("platform-admin")
    return log_in_verified(Client(), user, device)
