""" "Send the codes" and "Confirm" pressed many times at once, by a person for themself and for an
organisation: one code per address goes out, one registration is made, and every press ends on
a page. Real HTTP requests against the live server, each on its own database connection."""

import re

import pytest
import requests
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pytest_django.live_server_helper import LiveServer

from asiointi.identity.models import User
from asiointi.organisations.models import Organisation
from asiointi.privacy.models import AuditEvent
from asiointi.registration.models import ContactVerification
from asiointi.tests.parallel import (
    browser_session,
    csrf_token,
    press_together,
    skip_on_in_memory_sqlite,
)

PRESSES = 3


@pytest.fixture(autouse=True)
def _live(transactional_db: None) -> None:
    skip_on_in_memory_sqlite()


def press_send_and_confirm(
    live_server: LiveServer, browser: requests.Session, register: str, confirm: str
) -> list[requests.Response]:
    """Every press of both buttons; the answers of the confirm presses."""
    page = live_server.url + register
    token = csrf_token(browser, page)
    data = {"csrfmiddlewaretoken": token, "email": "tessa@example.fi", "mobile": ""}
    sent = press_together(
        PRESSES,
        lambda: browser.post(page, data=data, headers={"Referer": page}, timeout=60),
    )
    assert [r.status_code for r in sent] == [200] * PRESSES, [r.text[:300] for r in sent]
    assert all(r.url == live_server.url + confirm for r in sent)
    assert ContactVerification.objects.count() == 1
    assert len(mail.outbox) == 1
    code = re.search(r"\b(\d{6})\b", str(mail.outbox[0].body)).group(1)  # type: ignore[union-attr]
    page = live_server.url + confirm
    data = {"csrfmiddlewaretoken": token, "channel": "email", "email-code": code}
    return press_together(
        PRESSES,
        lambda: browser.post(page, data=data, headers={"Referer": page}, timeout=60),
    )


def test_a_person_pressing_many_times_gets_one_code_and_one_registration(
    live_server: LiveServer,
) -> None:
    person = User.objects.create(username="tessa", first_name="Tessa", identity_code_digest="tessa")
    browser = browser_session(live_server.url, person)

    register, confirm = reverse("registration:contact_details"), reverse("registration:confirm")
    confirmed = press_send_and_confirm(live_server, browser, register, confirm)

    assert [r.status_code for r in confirmed] == [200] * PRESSES
    person.refresh_from_db()
    assert person.is_registered and person.email == "tessa@example.fi"
    assert AuditEvent.objects.filter(action=AuditEvent.Action.REGISTERED).count() == 1


def test_an_organisation_registered_by_many_presses_gets_one_code_and_one_registration(
    live_server: LiveServer,
) -> None:
    person = User.objects.create(username="tessa", first_name="Tessa", identity_code_digest="tessa")
    organisation = Organisation.objects.create(business_id="0112038-9", name="Testi Oy")
    browser = browser_session(live_server.url, person, organisation)

    register, confirm = reverse("organisations:register"), reverse("organisations:confirm")
    confirmed = press_send_and_confirm(live_server, browser, register, confirm)

    assert [r.status_code for r in confirmed] == [200] * PRESSES
    organisation.refresh_from_db()
    assert organisation.is_registered and organisation.email == "tessa@example.fi"
    assert organisation.registered_at is not None and organisation.registered_at <= timezone.now()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.REGISTERED).count() == 1
