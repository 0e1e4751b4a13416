"""Every demo form can be filled in through its own pages, with a file on each file question, and
sent: as a resident, or acting for an association where only organisations may use it."""

import datetime
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from asiointi.attachments.tests.conftest import PDF, PNG
from asiointi.catalogue.models import Service
from asiointi.catalogue.tests.test_every_service_leads_somewhere import organisation_client
from asiointi.customers.services import customer_for_organisation, customer_for_person
from asiointi.eforms.definition import Page, Question
from asiointi.eforms.demo import demo_documents
from asiointi.eforms.file_question import limits_of
from asiointi.eforms.selectors import definition_of
from asiointi.identity.models import User
from asiointi.organisations.models import Organisation
from asiointi.submissions.models import Submission
from asiointi.submissions.services import access_grant
from asiointi.submissions.tests.support import start, url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", sorted(demo_documents()))
def test_the_demo_form_is_filled_in_through_its_pages_and_sent(
    demo_forms: None, tessa: User, slug: str
) -> None:
    client = persona(tessa, Service.objects.get(slug=slug))
    draft = start(client, slug)
    definition = definition_of(draft.version)
    address = url("submissions:draft_page", draft.pk, definition.pages[0].key)
    check = url("submissions:draft_check", draft.pk)
    visited = []
    while address != check:
        key = address.rstrip("/").rsplit("/", 1)[-1]
        page = definition.page(key)
        assert page is not None and key not in visited, (slug, address)
        visited.append(key)
        shown = client.get(address)
        assert shown.status_code == 200 and "<h1" in shown.content.decode(), (slug, key)
        response = client.post(address, {"action": "continue", **page_data(page)})
        assert response.status_code == 302, (slug, key, errors(response.content.decode()))
        address = response.headers["Location"]
    assert client.get(check).status_code == 200
    sent = client.post(check)
    assert sent.status_code == 302, (slug, errors(sent.content.decode()))
    submission = Submission.objects.get(service__slug=slug)
    assert client.get(sent.headers["Location"]).status_code == 200
    assert submission.reference


def persona(person: User, service: Service) -> Client:
    """The person, or acting for an association when the service is for organisations only; a
    grant from the agency where the service needs contact first."""
    if service.audience == Service.Audience.ORGANISATIONS:
        client = organisation_client(person)
        customer = customer_for_organisation(Organisation.objects.get())
    else:
        client = Client()
        client.force_login(person)
        customer = customer_for_person(person)
    if service.requires_prior_contact:
        access_grant(service=service, customer=customer)
    return client


def page_data(page: Page) -> dict[str, Any]:
    if page.repeat is None:
        return {k: v for question in page.questions for k, v in typed(question, question.key)}
    data: dict[str, Any] = {f"{page.key}-count": "1"}
    for question in page.questions:
        data.update(typed(question, f"{page.key}-0-{question.key}"))
    return data


def typed(question: Question, name: str) -> list[tuple[str, Any]]:
    """What a person types or picks: yes to each yes/no question, the first option of a choice."""
    kind = question.type
    future = question.settings.get("future")
    day = timezone.localdate() + datetime.timedelta(days=30 if future else -400)
    values: dict[str, dict[str, Any]] = {
        "text": {"": "Testi"[: question.settings.get("max_length", 200)]},
        "textarea": {"": "Testi."},
        "number": {"": str(question.settings.get("min", 1))},
        "date": {"-day": str(day.day), "-month": str(day.month), "-year": str(day.year)},
        "email": {"": "tessa@example.fi"},
        "phone": {"": "040 123 4567"},
        "address": {"-street": "Testikatu 1", "-postal_code": "00100", "-post_office": "Helsinki"},
        "name": {"-given": "Tessa", "-family": "Testilä"},
        "choice": {"": question.options[0].value if question.options else ""},
        "choices": {"": [question.options[0].value] if question.options else []},
        "yesno": {"": "yes"},
        "identity_code": {"": "010280-952L"},
        "business_id": {"": "0737546-2"},
        "iban": {"": "FI21 1234 5600 0007 85"},
        "declaration": {"": "yes"},
        "file": {"": upload(question)},
    }
    return [(name + suffix, value) for suffix, value in values.get(kind, {}).items()]


def upload(question: Question) -> SimpleUploadedFile:
    """A PDF, or a photo where the question takes only pictures."""
    if "application/pdf" in limits_of(question).media_types:
        return SimpleUploadedFile("liite.pdf", PDF, content_type="application/pdf")
    return SimpleUploadedFile("kuva.png", PNG, content_type="image/png")


def errors(page: str) -> str:
    start = page.find('id="error-summary"')
    return page[start : start + 1500] if start >= 0 else page[:1500]
