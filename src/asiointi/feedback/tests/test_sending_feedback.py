"""Feedback on a service reaches the offering agency and no other; nothing typed is lost."""

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from asiointi.catalogue.models import Service
from asiointi.feedback.models import Feedback
from asiointi.feedback.tests.conftest import feedback_url, form_of


@pytest.fixture(autouse=True)
def _notifications_sent(django_capture_on_commit_callbacks: Any) -> Iterator[None]:
    global _committed
    _committed = django_capture_on_commit_callbacks
    yield


_committed: Any = None


def send(client: Client, service: Service, language: str = "fi", **fields: str) -> Any:
    """Send the form as a person would, notifications going out as the transaction commits."""
    url = feedback_url(service, language)
    data = {**form_of(client, url), "kind": "problem", "message": "Sivu ei aukea.", **fields}
    with _committed(execute=True):
        return client.post(url, data, follow=True)


def test_anonymous_feedback_reaches_the_services_agency_and_no_other(
    client: Client, parking: Service, school_transport: Service
) -> None:
    answer = send(client, parking, contact_email="aino@example.fi")
    feedback = Feedback.objects.get()
    assert (feedback.agency, feedback.service) == (parking.agency, parking)
    assert feedback.customer is None and feedback.person is None
    assert feedback.reference in answer.content.decode()
    assert "Kiitos palautteestasi" in answer.content.decode()
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["aino@example.fi", "katu.palaute@example.fi"]
    to_agency = next(m for m in mail.outbox if m.to == ["katu.palaute@example.fi"])
    assert feedback.reference in to_agency.subject and "Sivu ei aukea." in to_agency.body
    assert not Feedback.objects.filter(agency=school_transport.agency).exists()


def test_an_agency_without_a_feedback_address_gets_it_in_the_inbox_only(
    client: Client, parking: Service
) -> None:
    parking.agency.feedback_email = ""
    parking.agency.save()
    send(client, parking)
    assert Feedback.objects.filter(agency=parking.agency).count() == 1
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("language", "thanks"),
    [("fi", "Kiitos palautteestasi"), ("sv", "Tack för din respons"), ("en", "Thank you")],
)
def test_the_form_works_in_every_language(
    client: Client, parking: Service, language: str, thanks: str
) -> None:
    answer = send(client, parking, language)
    assert thanks in answer.content.decode()
    assert Feedback.objects.get().language == language


def test_accessibility_feedback_is_due_in_14_days(client: Client, parking: Service) -> None:
    send(client, parking, kind="accessibility")
    assert Feedback.objects.get().answer_due == timezone.localdate() + timedelta(days=14)


def test_other_feedback_has_no_deadline(client: Client, parking: Service) -> None:
    send(client, parking, kind="praise")
    assert Feedback.objects.get().answer_due is None


def test_an_error_keeps_what_was_typed(client: Client, parking: Service) -> None:
    url = feedback_url(parking)
    data = {**form_of(client, url), "message": "Tärkeä palaute", "contact_email": "ei-osoite"}
    html = client.post(url, data).content.decode()
    assert "Valitse, millaista palautetta annat." in html
    assert "Tärkeä palaute" in html and 'value="ei-osoite"' in html
    assert data["form_key"] in html
    assert not Feedback.objects.exists()


def test_the_honeypot_refuses_and_keeps_the_text_but_not_the_trap(
    client: Client, parking: Service
) -> None:
    url = feedback_url(parking)
    data = {**form_of(client, url), "kind": "problem", "message": "Oikea viesti"}
    html = client.post(url, {**data, "homepage": "http://spam.example"}).content.decode()
    assert not Feedback.objects.exists()
    assert "Oikea viesti" in html and "spam.example" not in html
    client.post(url, data)
    assert Feedback.objects.count() == 1


def test_too_many_sends_from_one_address_are_refused_with_the_text_kept(
    client: Client, parking: Service, settings: Any
) -> None:
    settings.FEEDBACK_PER_HOUR = 2
    send(client, parking)
    send(client, parking)
    url = feedback_url(parking)
    answer = client.post(url, {**form_of(client, url), "kind": "problem", "message": "Kolmas"})
    assert answer.status_code == 429
    assert "Kolmas" in answer.content.decode()
    assert Feedback.objects.count() == 2
    other = Client(REMOTE_ADDR="192.0.2.7")
    send(other, parking)
    assert Feedback.objects.count() == 3


def test_the_same_form_sent_twice_makes_one_feedback(client: Client, parking: Service) -> None:
    url = feedback_url(parking)
    data = {**form_of(client, url), "kind": "question", "message": "Kysymys"}
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code == second.status_code == 303
    assert first["Location"] == second["Location"]
    assert Feedback.objects.count() == 1


def test_the_acknowledgement_needs_the_secret_key_not_the_reference(
    client: Client, parking: Service
) -> None:
    send(client, parking)
    feedback = Feedback.objects.get()
    assert client.get(f"/fi/palaute/vastaanotettu/{feedback.reference}/").status_code == 404


def test_an_unpublished_service_takes_no_feedback(client: Client, parking: Service) -> None:
    parking.published = False
    parking.save()
    assert client.get(feedback_url(parking)).status_code == 404


def test_the_service_page_links_to_the_form(client: Client, parking: Service) -> None:
    html = client.get(parking.get_absolute_url()).content.decode()
    assert f'href="{feedback_url(parking)}"' in html
