"""Choosing an organisation through the built-in e-Authorizations service, over real HTTP."""

import pytest
from django.test import Client
from django.utils import translation
from django.utils.html import escape

from asiointi.customers.models import Customer
from asiointi.identity.models import User
from asiointi.organisations.models import AuthorizationSession, Organisation
from asiointi.organisations.services import ChoiceFailed
from asiointi.organisations.tests.support import (
    ASSOCIATION,
    CEO_COMPANY,
    GROUP,
    NO_RIGHT_COMPANY,
    act_for,
    log_in,
    path,
)
from asiointi.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_ceo_lands_in_the_registration_of_the_company_first_time(portal: str) -> None:
    browser = log_in(portal)
    landing = act_for(browser, portal, CEO_COMPANY)
    assert landing.url.endswith(path("organisations:register"))
    assert "Testilän Tilitoimisto Oy" in landing.text
    organisation = Organisation.objects.get(business_id=CEO_COMPANY)
    assert organisation.kind == Organisation.Kind.COMPANY
    assert Customer.objects.filter(organisation=organisation).exists()
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.ACTING_SWITCHED, target=f"organisation:{organisation.pk}"
    ).exists()


def test_the_session_id_never_reaches_the_browser(portal: str) -> None:
    browser = log_in(portal)
    selection = act_for(browser, portal, CEO_COMPANY)
    session_id = AuthorizationSession.objects.get().session_id
    for response in [*selection.history, selection]:
        assert session_id not in response.text
        assert session_id not in response.url
        assert session_id not in str(response.headers)


def test_a_registered_association_and_an_unregistered_group_are_both_organisations(
    portal: str,
) -> None:
    browser = log_in(portal)
    act_for(browser, portal, ASSOCIATION)
    act_for(browser, portal, GROUP)
    association = Organisation.objects.get(business_id=ASSOCIATION)
    group = Organisation.objects.get(group_id=GROUP)
    assert association.kind == Organisation.Kind.REGISTERED_ASSOCIATION
    assert group.kind == Organisation.Kind.UNREGISTERED_GROUP
    assert group.business_id is None


def test_an_organisation_without_a_right_is_refused_and_the_person_acts_as_themself(
    portal: str,
) -> None:
    browser = log_in(portal)
    landing = act_for(browser, portal, NO_RIGHT_COMPANY)
    assert path("organisations:failed") in landing.url
    with translation.override("fi"):
        assert escape(str(ChoiceFailed.MESSAGES[ChoiceFailed.NO_RIGHT])) in landing.text
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.ACTING_REFUSED, details__reason="no-right"
    ).exists()
    folder = browser.get(f"{portal}{path('folder:index')}")
    assert folder.status_code == 200
    assert "Satama-alueen" not in folder.text


def test_an_account_never_identified_is_told_it_has_no_right_instead_of_an_error(
    portal: str,
) -> None:
    staff = User.objects.create_user(username="clerk", is_staff=True)
    client = Client()
    client.force_login(staff)
    answer = client.get(path("organisations:start"))
    assert answer.status_code == 302
    assert answer["Location"] == f"{path('organisations:failed')}?reason=no-right"
    assert not AuthorizationSession.objects.exists()
    with translation.override("fi"):
        message = str(ChoiceFailed.MESSAGES[ChoiceFailed.NO_RIGHT])
    assert escape(message) in client.get(answer["Location"]).content.decode()
