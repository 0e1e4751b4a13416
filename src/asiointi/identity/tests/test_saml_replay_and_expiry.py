"""A Response logs in once, only for a login this browser started, and only in time."""

import pytest
from django.test import Client
from saml2 import time_util

from asiointi.identity.models import User
from asiointi.identity.tests.saml_idp import TestIdp
from asiointi.identity.tests.saml_steps import age_pending_logins, post_from_idp, start_login

pytestmark = pytest.mark.django_db

TOO_LATE = "Tunnistautuminen kesti liian kauan tai se oli jo käytetty."
FAILED = "Tunnistuspalvelu ei pystynyt tunnistamaan sinua."


def landing(resident: Client, form: dict[str, str]) -> str:
    answer = post_from_idp(resident, form)
    return resident.get(answer["Location"]).content.decode()


def test_a_replayed_response_is_refused(saml_idp: TestIdp, resident: Client) -> None:
    form = saml_idp.response(start_login(resident))
    assert "Tunnistautuminen onnistui" in landing(resident, form)
    resident.post("/fi/kirjaudu-ulos/")
    html = landing(resident, form)
    assert TOO_LATE in html
    assert "Kirjaudu ulos" not in html


def test_a_response_to_a_request_the_portal_never_made_is_refused(
    saml_idp: TestIdp, resident: Client
) -> None:
    form = saml_idp.response(start_login(resident), in_response_to="id-made-up-elsewhere")
    html = landing(resident, form)
    assert TOO_LATE in html
    assert not User.objects.exists()


def test_a_response_after_the_identification_time_is_refused(
    saml_idp: TestIdp, resident: Client
) -> None:
    location = start_login(resident)
    age_pending_logins(resident, 16 * 60)
    html = landing(resident, saml_idp.response(location))
    assert TOO_LATE in html
    assert not User.objects.exists()


@pytest.mark.parametrize(("minutes", "message"), [(10, TOO_LATE), (-10, FAILED)])
def test_an_assertion_outside_its_validity_time_is_refused(
    saml_idp: TestIdp, resident: Client, monkeypatch: pytest.MonkeyPatch, minutes: int, message: str
) -> None:
    form = saml_idp.response(start_login(resident))  # valid for five minutes from now
    now = time_util.utc_now()
    monkeypatch.setattr(time_util, "utc_now", lambda: now + minutes * 60)
    html = landing(resident, form)
    assert message in html
    assert not User.objects.exists()


def test_two_logins_in_two_tabs_both_work(saml_idp: TestIdp, resident: Client) -> None:
    first, second = start_login(resident), start_login(resident, next_url="/fi/ohjeet/")
    first_form, second_form = saml_idp.response(first), saml_idp.response(second)
    assert "Tunnistautuminen onnistui" in landing(resident, second_form)
    assert resident.session["identity_next"] == "/fi/ohjeet/"
    assert "Tunnistautuminen onnistui" in landing(resident, first_form)


def test_pressing_log_in_again_and_again_keeps_only_the_latest_logins(
    saml_idp: TestIdp, resident: Client
) -> None:
    locations = [start_login(resident) for _ in range(7)]
    assert TOO_LATE in landing(resident, saml_idp.response(locations[0]))
    assert "Tunnistautuminen onnistui" in landing(resident, saml_idp.response(locations[-1]))
