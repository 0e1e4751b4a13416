"""Logging in for each demo organisation in Chromium, seeing its folder, switching, and being
refused where there is no right, in each language; every page state passes `check`."""

import uuid

import pytest
from playwright.sync_api import expect

from asiointi.catalogue.tests.browser.support import VIEWPORTS, CheckPage, OpenPage, Site, follow
from asiointi.customers.models import Customer
from asiointi.customers.services import customer_for_organisation, customer_for_person
from asiointi.devidp.models import DemoRole
from asiointi.folder.services import folder_item_record
from asiointi.identity.models import User
from asiointi.identity.tests.browser.support import persona
from asiointi.organisations.models import Organisation
from asiointi.organisations.selectors import rights_forget
from asiointi.organisations.services import ChoiceFailed
from asiointi.organisations.tests.browser.support import Representative

pytestmark = pytest.mark.browser

CEO_COMPANY = ("9000001-1", "Testilän Tilitoimisto Oy")
ASSOCIATION = ("9000003-8", "Kallion Kotiseutuyhdistys ry")
MANDATE_COMPANY = ("9000004-6", "Rakennusliike Kivi ja Kumpp. Oy")
NO_RIGHT = ("9000005-4", "Satama-alueen Logistiikka Oy")


def representative(
    open_page: OpenPage, site: Site, check: CheckPage, language: str, viewport: str = "desktop"
) -> Representative:
    page = open_page(VIEWPORTS[viewport])
    return Representative(page, site, language, check, persona("testila-tessa"))


@pytest.mark.parametrize(
    ("language", "viewport"), [("fi", "desktop"), ("sv", "phone"), ("en", "desktop")]
)
def test_a_ceo_registers_the_company_switches_to_the_association_and_back_to_themself(
    open_page: OpenPage, organisations_portal: Site, check: CheckPage, language: str, viewport: str
) -> None:
    person = representative(open_page, organisations_portal, check, language, viewport)
    person.log_in_for_an_organisation()
    person.pick(CEO_COMPANY[0])
    person.register_organisation(CEO_COMPANY[1], "toimisto@tilitoimisto.example")
    person.expect_folder(CEO_COMPANY[1])
    company = Organisation.objects.get(business_id=CEO_COMPANY[0])
    assert company.is_registered
    # One matter in the company's folder and one in the person's own: each shows only in its own.
    record(customer_for_organisation(company), "Terassilupa 2027")
    record(customer_for_person(User.objects.get()), "Asukaspysäköintitunnus")
    person.page.reload()
    expect(person.main).to_contain_text("Terassilupa 2027")
    expect(person.main).not_to_contain_text("Asukaspysäköintitunnus")

    person.choose_another()
    person.pick(ASSOCIATION[0])
    person.register_organisation(ASSOCIATION[1], "hallitus@kotiseutu.example")
    person.expect_folder(ASSOCIATION[1])

    # Back and forth without logging in again.
    person.switch_to(
        person.t(
            "Act on behalf of %(name)s (%(identifier)s)",
            name=CEO_COMPANY[1],
            identifier=CEO_COMPANY[0],
        )
    )
    person.expect_folder(CEO_COMPANY[1])
    person.switch_to(person.t("Act on your own behalf (%(name)s)", name=person.name))
    person.expect_folder(None)
    expect(person.main).to_contain_text("Asukaspysäköintitunnus")
    expect(person.main).not_to_contain_text("Terassilupa 2027")


def record(customer: Customer, title: str) -> None:
    folder_item_record(
        customer=customer,
        kind="submission",
        key=str(uuid.uuid5(uuid.NAMESPACE_OID, title)),
        title={"fi": title, "sv": title, "en": title},
        status="sent",
    )


def test_a_mandate_holder_acts_for_the_company_and_loses_it_when_the_mandate_goes(
    open_page: OpenPage, organisations_portal: Site, check: CheckPage
) -> None:
    person = representative(open_page, organisations_portal, check, "fi")
    person.log_in_for_an_organisation()
    person.pick(MANDATE_COMPANY[0])
    person.register_organisation(MANDATE_COMPANY[1], "luvat@rakennusliike.example")
    person.expect_folder(MANDATE_COMPANY[1])

    DemoRole.objects.filter(
        person_key="testila-tessa", organisation__identifier=MANDATE_COMPANY[0]
    ).delete()
    # The short-lived answer about her rights goes; the next check asks again.
    company = Organisation.objects.get(business_id=MANDATE_COMPANY[0])
    rights_forget(person=User.objects.get(), organisation=company)
    person.page.reload()
    expect(person.heading()).to_have_text(person.t("No right to act on behalf of the organisation"))
    expect(person.main).to_contain_text(MANDATE_COMPANY[1])
    person.expect_acting_as_self()
    person.check(person.page, "right ended")


@pytest.mark.parametrize("language", ["fi", "en"])
def test_an_organisation_without_a_right_is_refused_with_an_explanation(
    open_page: OpenPage, organisations_portal: Site, check: CheckPage, language: str
) -> None:
    person = representative(open_page, organisations_portal, check, language)
    person.log_in_for_an_organisation()
    person.pick(NO_RIGHT[0])
    person.expect_choice_failed(ChoiceFailed.NO_RIGHT)
    person.expect_acting_as_self()
    assert not Organisation.objects.get(business_id=NO_RIGHT[0]).is_registered
    follow(
        person.page, person.main.get_by_role("link", name=person.t("Choose the organisation again"))
    )
    person.expect_selection_page()
