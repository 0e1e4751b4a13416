"""Rights are asked from e-Authorizations again when they matter, not only when choosing."""

from datetime import timedelta

import pytest
import requests
from django.conf import LazySettings
from django.utils import timezone

from asiointi.catalogue.models import Agency, Service
from asiointi.customers.acting import Acting, ActingRefused, acting_check
from asiointi.customers.services import customer_for_organisation
from asiointi.devidp.models import AuthorizationSession as ServiceSession
from asiointi.devidp.models import DemoRole
from asiointi.identity.models import User
from asiointi.organisations.models import AuthorizationSession, Organisation
from asiointi.organisations.selectors import rights_forget
from asiointi.organisations.services import organisation_rights_check
from asiointi.organisations.tests.support import (
    CEO_COMPANY,
    MANDATE_COMPANY,
    TESSA,
    act_for,
    log_in,
    path,
)
from asiointi.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db(transaction=True)


def acting_for(identifier: str) -> Acting:
    organisation = Organisation.objects.get(business_id=identifier)
    return Acting(
        person=User.objects.get(),
        customer=customer_for_organisation(organisation),
        organisation=organisation,
    )


def service(slug: str) -> Service:
    agency, _ = Agency.objects.get_or_create(slug="kaupunkiymparisto", defaults={"name": "KYMP"})
    found, _ = Service.objects.get_or_create(
        slug=slug,
        defaults={
            "name": slug,
            "summary": slug,
            "description": slug,
            "agency": agency,
            "audience": Service.Audience.ORGANISATIONS,
        },
    )
    return found


def forget_rights() -> None:
    """The short-lived answer about the rights goes (not the whole cache: sessions may be there)."""
    for organisation in Organisation.objects.all():
        rights_forget(person=User.objects.get(), organisation=organisation)


def folder(browser: requests.Session, portal: str) -> requests.Response:
    return browser.get(f"{portal}{path('folder:index')}")


def test_a_role_removed_between_login_and_sending_refuses_the_sending(
    portal: str, settings: LazySettings
) -> None:
    browser = log_in(portal)
    act_for(browser, portal, CEO_COMPANY)
    acting = acting_for(CEO_COMPANY)
    acting_check(acting)  # still the CEO: starting is allowed
    DemoRole.objects.filter(person_key=TESSA, organisation__identifier=CEO_COMPANY).delete()
    # The answer given a moment ago still serves until the short cache ends...
    acting_check(acting)
    forget_rights()
    # ...and then the sending is refused.
    with pytest.raises(ActingRefused):
        acting_check(acting)
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.ACTING_REFUSED,
        target=f"organisation:{acting.organisation.pk}",  # type: ignore[union-attr]
        details__reason="no right",
    ).exists()


def test_a_removed_role_loses_the_folder_at_the_next_check(portal: str) -> None:
    browser = log_in(portal)
    act_for(browser, portal, CEO_COMPANY)
    DemoRole.objects.filter(person_key=TESSA, organisation__identifier=CEO_COMPANY).delete()
    forget_rights()
    page = folder(browser, portal)
    assert path("organisations:refused") in page.url
    assert page.status_code == 403
    assert "Testilän Tilitoimisto Oy" in page.text  # the page names whose right ended
    # The person acts as themself again: their own folder opens.
    assert folder(browser, portal).status_code == 200


def test_an_expired_token_gives_no_rights(portal: str) -> None:
    browser = log_in(portal)
    act_for(browser, portal, CEO_COMPANY)
    acting = acting_for(CEO_COMPANY)
    AuthorizationSession.objects.update(token_expires_at=timezone.now() - timedelta(seconds=1))
    forget_rights()
    assert not organisation_rights_check(person=acting.person, organisation=acting.organisation)  # type: ignore[arg-type]
    assert path("organisations:refused") in folder(browser, portal).url


def test_a_token_the_service_considers_expired_is_refused(portal: str) -> None:
    browser = log_in(portal)
    act_for(browser, portal, CEO_COMPANY)
    acting = acting_for(CEO_COMPANY)
    ServiceSession.objects.update(token_expires_at=timezone.now() - timedelta(seconds=1))
    forget_rights()
    assert not organisation_rights_check(person=acting.person, organisation=acting.organisation)  # type: ignore[arg-type]


def test_a_mandate_holder_acts_only_for_the_services_of_the_mandate(portal: str) -> None:
    browser = log_in(portal)
    act_for(browser, portal, MANDATE_COMPANY)
    acting = acting_for(MANDATE_COMPANY)
    acting_check(acting)  # any right opens the folder
    acting_check(acting, service=service("yrityspysakointitunnus"))
    with pytest.raises(ActingRefused):
        acting_check(acting, service=service("terassilupa"))


def test_the_ceo_acts_for_every_service(portal: str) -> None:
    browser = log_in(portal)
    act_for(browser, portal, CEO_COMPANY)
    acting_check(acting_for(CEO_COMPANY), service=service("terassilupa"))
