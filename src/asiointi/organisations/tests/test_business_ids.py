"""Business IDs are checked with their check digit, typed or received."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from asiointi.devidp.models import DemoOrganisation
from asiointi.devidp.valtuudet import demo_ensure
from asiointi.organisations.business_ids import INVALID, business_id_normalise
from asiointi.organisations.models import Organisation
from asiointi.organisations.tests.support import CEO_COMPANY, act_for, log_in, path


@pytest.mark.parametrize("typed", ["0737546-2", "07375462", " 0737546-2 "])
def test_a_valid_business_id_is_kept_in_one_form(typed: str) -> None:
    assert business_id_normalise(typed) == "0737546-2"


@pytest.mark.parametrize("typed", ["0737546-3", "737546-2", "1234567-8", "ABCDEFG-H", ""])
def test_a_wrong_or_invalid_business_id_is_refused_with_a_clear_message(typed: str) -> None:
    with pytest.raises(ValidationError) as refused:
        business_id_normalise(typed)
    assert refused.value.messages == [str(INVALID)]


@pytest.mark.django_db
def test_an_organisation_with_a_wrong_business_id_does_not_validate() -> None:
    organisation = Organisation(business_id="9000001-2", name="Väärä Oy")
    with pytest.raises(ValidationError) as refused:
        organisation.full_clean()
    assert "business_id" in refused.value.message_dict


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("received", ["9000001-2", "900001-1", "not-an-id"])
def test_a_wrong_business_id_received_from_e_authorizations_is_refused(
    portal: str, received: str
) -> None:
    demo_ensure()
    DemoOrganisation.objects.filter(identifier=CEO_COMPANY).update(identifier=received)
    browser = log_in(portal)
    landing = act_for(browser, portal, received)
    assert f"{path('organisations:failed')}?reason=invalid-business-id" in landing.url
    assert not Organisation.objects.exists()


@pytest.mark.django_db
def test_a_business_id_typed_in_the_admin_is_checked(verified_admin_client: Client) -> None:
    page = verified_admin_client.post(
        "/fi/admin/organisations/organisation/add/",
        {"name": "Väärä Oy", "business_id": "9000001-2", "kind": "company"},
    )
    assert page.status_code == 200
    assert not Organisation.objects.exists()
    assert str(INVALID) in page.content.decode()
