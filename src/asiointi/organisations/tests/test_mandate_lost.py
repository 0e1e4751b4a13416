"""A mandate removed in e-Authorizations closes its service's things once the short answer cache
(ORGANISATION_RIGHTS_CACHE_SECONDS) has ended; the last one removed closes the company."""

import time

import pytest
from django.conf import LazySettings
from django.test import Client

from asiointi.devidp.models import DemoRole
from asiointi.organisations.tests.company_things import (
    IN_MANDATE,
    Company,
    acting_client,
    company_with_things,
    path,
)
from asiointi.organisations.tests.support import MANDATE_COMPANY, TESSA

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("clamd")]

CACHE_SECONDS = 2


def _tessas_mandates(issues: list[str]) -> None:
    """What the company's representative leaves of Tessa's mandates in Suomi.fi."""
    role = DemoRole.objects.filter(person_key=TESSA, organisation__identifier=MANDATE_COMPANY)
    if issues:
        role.update(issues=issues)
    else:
        role.delete()


def _cache_ends() -> None:
    time.sleep(CACHE_SECONDS + 0.2)


@pytest.fixture
def tessa(portal: str, settings: LazySettings) -> Client:
    settings.ORGANISATION_RIGHTS_CACHE_SECONDS = CACHE_SECONDS
    return acting_client(portal, TESSA)


@pytest.fixture
def company(tessa: Client, portal: str) -> Company:
    acting_client(portal, "kivi-joni")  # the CEO has used the company: Joni's person exists
    return company_with_things()


def test_a_removed_mandate_closes_its_services_things_after_the_short_cache(
    tessa: Client, company: Company
) -> None:
    submission = company.by_service[IN_MANDATE].submission
    assert submission is not None
    detail = path("submissions:detail", pk=submission.pk)
    assert tessa.get(detail).status_code == 200

    _tessas_mandates(["yrityspysakointitunnus"])
    assert tessa.get(detail).status_code == 200  # the answer given a moment ago still serves
    _cache_ends()
    assert tessa.get(detail).status_code == 404
    folder = tessa.get(path("folder:index"))
    assert folder.status_code == 200  # still acting for the company, for the other service
    assert not folder.context["folder"].page.object_list

    _tessas_mandates([])
    _cache_ends()
    refused = tessa.get(path("folder:index"))
    assert refused.status_code == 302
    assert refused["Location"].startswith(path("organisations:refused"))
    assert tessa.get(detail).status_code == 404  # now as herself: not hers either
