"""Identification that does not succeed, in Chromium: cancelling at the provider and a refused
outcome each give a clear page whose "Try again" works, and nobody is logged in meanwhile."""

import pytest

from asiointi.catalogue.tests.browser.support import PHONE, CheckPage, OpenPage, Site
from asiointi.devidp.forms import FAILED, TOO_LOW
from asiointi.identity.models import User
from asiointi.identity.providers.base import IdentificationFailed
from asiointi.identity.tests.browser.support import Resident, persona

pytestmark = pytest.mark.browser


def test_cancelling_at_the_provider_gives_a_clear_page_and_trying_again_works(
    open_page: OpenPage, portal: Site, check: CheckPage
) -> None:
    resident = Resident(open_page(), portal, "fi", check, persona("testila-tessa"))
    resident.open_service()
    resident.go_to_service()
    resident.log_in()

    resident.cancel_at_provider()
    resident.expect_refused(IdentificationFailed.CANCELLED, "cancelled at the method chooser")
    resident.try_again()

    resident.choose_method("card")
    resident.cancel_at_provider()
    resident.expect_refused(IdentificationFailed.CANCELLED, "cancelled at the person chooser")
    assert not User.objects.exists()

    resident.try_again()
    resident.choose_method("bank")
    resident.identify()
    resident.expect_identified(registered=False)


def test_too_low_assurance_and_a_failure_are_refused_and_trying_again_works(
    open_page: OpenPage, portal: Site, check: CheckPage
) -> None:
    resident = Resident(open_page(PHONE), portal, "sv", check, persona("kivi-joni"))
    resident.open_service()
    resident.go_to_service()
    resident.log_in()

    resident.choose_method("mobile")
    resident.identify(TOO_LOW)
    resident.expect_refused(IdentificationFailed.LOW_ASSURANCE, "too low a level of assurance")
    resident.try_again()

    resident.choose_method("bank")
    resident.identify(FAILED)
    resident.expect_refused(IdentificationFailed.FAILED, "identification failed")
    assert not User.objects.filter(last_login__isnull=False).exists()

    resident.try_again()
    resident.choose_method("bank")
    resident.identify()
    resident.expect_identified(registered=False)
