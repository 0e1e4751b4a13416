"""Switching between one's own and each chosen organisation's matters without logging in again."""

import pytest
import requests

from asiointi.organisations.models import Organisation
from asiointi.organisations.tests.support import (
    ASSOCIATION,
    CEO_COMPANY,
    act_for,
    log_in,
    path,
)
from asiointi.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db(transaction=True)


def switch(
    browser: requests.Session, portal: str, organisation: Organisation | None, next_url: str = ""
) -> requests.Response:
    choose = browser.get(f"{portal}{path('organisations:choose')}")
    token = choose.text.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    data = {
        "csrfmiddlewaretoken": token,
        "organisation": str(organisation.pk) if organisation else "",
        "next": next_url,
    }
    return browser.post(
        f"{portal}{path('organisations:switch')}", data=data, headers={"Referer": portal + "/"}
    )


def header(page: requests.Response) -> str:
    return page.text.split('class="acting-bar__who">')[1].split("</p>")[0]


def test_a_person_switches_between_themself_and_two_organisations(portal: str) -> None:
    browser = log_in(portal)
    act_for(browser, portal, CEO_COMPANY)
    act_for(browser, portal, ASSOCIATION)
    company = Organisation.objects.get(business_id=CEO_COMPANY)
    association = Organisation.objects.get(business_id=ASSOCIATION)
    Organisation.objects.update(registered_at="2026-11-27T12:00:00Z")

    page = switch(browser, portal, company)
    assert page.url.endswith(path("folder:index"))
    assert "Testilän Tilitoimisto Oy" in header(page)
    assert CEO_COMPANY in header(page)

    page = switch(browser, portal, None)
    assert "Testilän" not in header(page)

    page = switch(browser, portal, association)
    assert "Kallion Kotiseutuyhdistys ry" in header(page)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.ACTING_SWITCHED).count() >= 5


def test_an_organisation_not_chosen_in_this_login_cannot_be_switched_to(portal: str) -> None:
    chooser = log_in(portal)
    act_for(chooser, portal, CEO_COMPANY)
    company = Organisation.objects.get(business_id=CEO_COMPANY)
    other = log_in(portal)  # the same person in another browser, who has not chosen it
    page = switch(other, portal, company)
    assert path("organisations:refused") in page.url
    assert "Testilän" not in header(other.get(f"{portal}{path('folder:index')}"))


def test_switching_keeps_the_person_logged_in(portal: str) -> None:
    browser = log_in(portal)
    act_for(browser, portal, CEO_COMPANY)
    before = browser.cookies.get("sessionid")
    switch(browser, portal, None)
    assert browser.cookies.get("sessionid") == before
