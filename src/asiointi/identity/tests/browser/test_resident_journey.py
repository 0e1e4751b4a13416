"""A resident's whole journey in Chromium, in each language and on a phone: from a service's
description page through "Go to the service" to the built-in provider, back identified, first-login
registration with a code from the outbox, on to the service logged in, and out again; Back after
logout shows nothing personal. Every page state, the provider's included, passes `check`."""

from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

from asiointi.catalogue.tests.browser.support import VIEWPORTS, CheckPage, OpenPage, Site
from asiointi.identity.models import User
from asiointi.identity.tests.browser.support import PROVIDER_LOGOUT_PATH, Resident, persona

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class Journey:
    language: str
    viewport: str
    method: str
    person: str
    email: str
    mobile: str = ""

    def __str__(self) -> str:
        mobile = "-with-mobile" if self.mobile else ""
        return f"{self.language}-{self.viewport}-{self.method}{mobile}"


# Each method once on a desktop in its own language, and a phone with a mobile number too.
# Anna-Liisa's provider gives a mail address, which the registration form starts with.
JOURNEYS = [
    Journey("fi", "desktop", "bank", "testila-tessa", "tessa@example.fi"),
    Journey("sv", "desktop", "mobile", "kivi-joni", "joni@example.fi", "040 123 4567"),
    Journey("en", "desktop", "card", "sallinen-anna-liisa", "anna-liisa@example.fi"),
    Journey("fi", "phone", "mobile", "huhtiistinen-ilmari", "ilmari@example.fi", "0501234567"),
]


@pytest.mark.parametrize("journey", JOURNEYS, ids=str)
def test_a_resident_identifies_registers_uses_the_service_and_logs_out(
    open_page: OpenPage, portal: Site, check: CheckPage, journey: Journey
) -> None:
    page = open_page(VIEWPORTS[journey.viewport])
    resident = Resident(page, portal, journey.language, check, persona(journey.person))

    resident.log_in_from_service(journey.method)
    resident.expect_identified(registered=False)
    resident.register(email=journey.email, mobile=journey.mobile)

    person = User.objects.get()
    assert person.is_registered
    assert person.email == journey.email
    assert bool(person.mobile_number) == bool(journey.mobile)

    resident.log_out()

    # Back to the service page: the browser asks for it again (no-store), and the portal answers
    # as to anyone not logged in. The logged-out header is the proof: the page as the browser
    # first got it had the person's name in it. The provider's logout left no page in history.
    page.go_back()
    assert urlsplit(page.url).path != PROVIDER_LOGOUT_PATH
    resident.expect_service_page(logged_in=False)
    check(page, "service page after logout and Back")
