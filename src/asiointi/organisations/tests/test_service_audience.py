"""A service's audience decides who may start it; a refusal explains and offers the switch."""

import pytest
import requests
from django.core.management import call_command

from asiointi.catalogue.models import Service
from asiointi.organisations.models import Organisation
from asiointi.organisations.tests.support import CEO_COMPANY, act_for, log_in, path
from asiointi.privacy.models import AuditEvent

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("asiointi.organisations.tests.audience_urls"),
]
PERSONS_ONLY = "asukaspysakointitunnus"
ORGANISATIONS_ONLY = "yrityspysakointitunnus"
BOTH = "pysakointivirhemaksun-oikaisuvaatimus"


@pytest.fixture
def catalogue(portal: str) -> str:
    call_command("load_demo", verbosity=0)
    assert Service.objects.get(slug=PERSONS_ONLY).audience == Service.Audience.PERSONS
    assert Service.objects.get(slug=ORGANISATIONS_ONLY).audience == Service.Audience.ORGANISATIONS
    assert Service.objects.get(slug=BOTH).audience == Service.Audience.BOTH
    return portal


def start(browser: requests.Session, portal: str, slug: str) -> requests.Response:
    return browser.get(f"{portal}/fi/audience-test/{slug}/")


def test_a_persons_only_service_refuses_to_start_for_an_organisation_and_offers_the_switch(
    catalogue: str,
) -> None:
    browser = log_in(catalogue)
    act_for(browser, catalogue, CEO_COMPANY)
    Organisation.objects.update(registered_at="2026-11-27T12:00:00Z")
    page = start(browser, catalogue, PERSONS_ONLY)
    assert path("organisations:audience_refused", slug=PERSONS_ONLY) in page.url
    assert page.status_code == 403
    assert "Testilän Tilitoimisto Oy" in page.text
    assert 'name="organisation" value=""' in page.text  # act on one's own behalf
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.ACTING_REFUSED, target=f"service:{PERSONS_ONLY}"
    ).exists()
    # The switch returns to the service, which now starts.
    token = page.text.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    next_url = page.text.split('name="next" value="')[1].split('"')[0]
    started = browser.post(
        f"{catalogue}{path('organisations:switch')}",
        data={"csrfmiddlewaretoken": token, "organisation": "", "next": next_url},
        headers={"Referer": page.url},
    )
    assert started.text == f"started {PERSONS_ONLY}"


def test_an_organisations_only_service_refuses_a_person_and_offers_choosing(
    catalogue: str,
) -> None:
    browser = log_in(catalogue)
    page = start(browser, catalogue, ORGANISATIONS_ONLY)
    assert path("organisations:audience_refused", slug=ORGANISATIONS_ONLY) in page.url
    assert path("organisations:start") in page.text


def test_services_for_both_start_for_either(catalogue: str) -> None:
    browser = log_in(catalogue)
    assert start(browser, catalogue, BOTH).text == f"started {BOTH}"
    act_for(browser, catalogue, CEO_COMPANY)
    assert start(browser, catalogue, BOTH).text == f"started {BOTH}"
    assert start(browser, catalogue, ORGANISATIONS_ONLY).text == f"started {ORGANISATIONS_ONLY}"
