"""An organisation's first use: its contact details confirmed by code, then its folder, the same
for everyone entitled to act for it."""

import re

import pytest
import requests

from asiointi.identity.models import User
from asiointi.notify.selectors import outbox_latest
from asiointi.organisations.models import Organisation
from asiointi.organisations.tests.support import CEO_COMPANY, act_for, log_in, path
from asiointi.privacy.models import AuditEvent
from asiointi.registration.models import ContactVerification

pytestmark = pytest.mark.django_db(transaction=True)
ADDRESS = "toimisto@tilitoimisto.example"


def post_form(browser: requests.Session, page: requests.Response, **data: str) -> requests.Response:
    """Post the page's form to the page's own address, as its forms do."""
    token = page.text.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    fields = {"csrfmiddlewaretoken": token, **data}
    return browser.post(page.url.split("?")[0], data=fields, headers={"Referer": page.url})


def code_sent_to(address: str) -> str:
    message = outbox_latest(recipient=address)
    assert message is not None
    found = re.search(r"\b(\d{6})\b", message.body)
    assert found
    return found.group(1)


def test_the_first_use_registers_the_organisation_by_code_and_opens_its_folder(
    portal: str,
) -> None:
    browser = log_in(portal)
    register = act_for(browser, portal, CEO_COMPANY)
    assert register.url.endswith(path("organisations:register"))
    confirm = post_form(browser, register, email=ADDRESS, mobile="")
    assert confirm.url.endswith(path("organisations:confirm"))
    assert ADDRESS in confirm.text
    landing = post_form(
        browser, confirm, channel="email", **{"email-code": code_sent_to(ADDRESS)}, confirm=""
    )
    assert landing.url.endswith(path("folder:index"))
    organisation = Organisation.objects.get(business_id=CEO_COMPANY)
    assert organisation.is_registered
    assert organisation.email == ADDRESS
    assert organisation.email_verified_at is not None
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.REGISTERED, target=f"organisation:{organisation.pk}:email"
    ).exists()
    # The person's own contact details are untouched.
    assert User.objects.get().email == ""
    assert not ContactVerification.objects.filter(organisation=None).exists()


def test_a_wrong_code_keeps_the_organisation_unregistered_and_says_so(portal: str) -> None:
    browser = log_in(portal)
    confirm = post_form(browser, act_for(browser, portal, CEO_COMPANY), email=ADDRESS, mobile="")
    right = code_sent_to(ADDRESS)
    wrong = "000000" if right != "000000" else "111111"
    page = post_form(browser, confirm, channel="email", **{"email-code": wrong}, confirm="")
    assert page.status_code == 200
    assert 'aria-invalid="true"' in page.text
    assert not Organisation.objects.get(business_id=CEO_COMPANY).is_registered


def test_a_bad_address_is_refused_and_kept_in_the_form(portal: str) -> None:
    browser = log_in(portal)
    register = act_for(browser, portal, CEO_COMPANY)
    page = post_form(browser, register, email="toimisto@", mobile="")
    assert page.url.endswith(path("organisations:register"))
    assert 'value="toimisto@"' in page.text
    assert "error-summary" in page.text


def test_control_characters_in_the_contact_details_are_refused_and_the_rest_kept(
    portal: str,
) -> None:
    browser = log_in(portal)
    register = act_for(browser, portal, CEO_COMPANY)
    page = post_form(browser, register, email=f"{ADDRESS}\u202e", mobile="040 123 4567")
    assert page.url.endswith(path("organisations:register"))
    assert "(U+202E)" in page.text
    assert 'value="040 123 4567"' in page.text
    assert not ContactVerification.objects.exists()


def test_a_second_entitled_person_sees_the_registered_organisation_without_registering(
    portal: str,
) -> None:
    first = log_in(portal)
    confirm = post_form(first, act_for(first, portal, CEO_COMPANY), email=ADDRESS, mobile="")
    post_form(first, confirm, channel="email", **{"email-code": code_sent_to(ADDRESS)}, confirm="")
    second = log_in(portal, "kivi-joni")  # chair of the board of the same company
    landing = act_for(second, portal, CEO_COMPANY)
    assert landing.url.endswith(path("folder:index"))
    assert "Testilän Tilitoimisto Oy" in landing.text


def test_the_folder_of_an_unregistered_organisation_waits_for_its_registration(
    portal: str,
) -> None:
    browser = log_in(portal)
    act_for(browser, portal, CEO_COMPANY)
    folder = browser.get(f"{portal}{path('folder:index')}")
    assert folder.url.endswith(path("organisations:register"))
    confirm = post_form(browser, folder, email=ADDRESS, mobile="")
    landing = post_form(
        browser, confirm, channel="email", **{"email-code": code_sent_to(ADDRESS)}, confirm=""
    )
    assert landing.url.endswith(path("folder:index"))
