"""A staff-only account (no identity code) is no resident: the folder and a service's form tell
it where residents log in and make it no Customer; staff who logged in strongly stay residents."""

import pytest
from django.test import Client

from asiointi.backoffice.services import agency_membership_add
from asiointi.catalogue.models import Service
from asiointi.customers.models import Customer
from asiointi.identity.models import User
from asiointi.submissions.models import Draft
from asiointi.submissions.tests.support import url

pytestmark = pytest.mark.usefixtures("demo_forms")
SLUG = "ilmoitus-tai-palaute"


def _clerk_client() -> tuple[Client, User]:
    clerk = User.objects.create_user(username="kaisa", is_staff=True, first_name="Kaisa")
    agency_membership_add(user=clerk, agency=Service.objects.get(slug=SLUG).agency)
    client = Client()
    client.force_login(clerk)
    return client, clerk


def test_a_clerk_opening_resident_pages_is_told_and_gets_no_customer() -> None:
    client, clerk = _clerk_client()
    folder = client.get(url("folder:index"))
    start = client.get(url("catalogue:service_start", SLUG))
    form = client.get(start.headers["Location"])
    posted = client.post(url("eforms:start", SLUG))
    for response in (folder, form, posted):
        assert response.status_code == 403
        assert "Olet kirjautunut virkailijan tunnuksella" in response.content.decode()
    assert not Customer.objects.filter(person=clerk).exists()
    assert not Draft.objects.exists()


def test_the_page_for_staff_is_in_swedish_and_english_too() -> None:
    client, _clerk = _clerk_client()
    swedish = client.get(url("folder:index", language="sv")).content.decode()
    english = client.get(url("folder:index", language="en")).content.decode()
    assert "Du är inloggad med ett handläggarkonto" in swedish
    assert "You are logged in as staff" in english


def test_staff_who_logged_in_strongly_stay_residents(tessa: User, tessa_client: Client) -> None:
    agency_membership_add(user=tessa, agency=Service.objects.get(slug=SLUG).agency)
    assert tessa_client.get(url("folder:index")).status_code == 200
    assert Customer.objects.filter(person=tessa).exists()
