"""Only the customer sees their drafts and sent forms; services needing prior contact stay closed
until the agency grants access."""

from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from asiointi.catalogue.models import Service
from asiointi.customers.services import customer_for_person
from asiointi.identity.models import User
from asiointi.submissions.models import AccessGrant, Submission
from asiointi.submissions.tests.support import fill_parking, url

pytestmark = pytest.mark.usefixtures("demo_forms")


def test_a_stranger_gets_404_for_someone_elses_draft_submission_and_pdf(
    tessa_client: Client, stranger_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    draft = fill_parking(tessa_client)
    for name in ("submissions:draft_resume", "submissions:draft_check"):
        assert stranger_client.get(url(name, draft.pk)).status_code == 404
    assert (
        stranger_client.get(url("submissions:draft_page", draft.pk, "vehicle")).status_code == 404
    )
    assert stranger_client.post(url("submissions:draft_check", draft.pk)).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        tessa_client.post(url("submissions:draft_check", draft.pk))
    submission = Submission.objects.get()
    for name in ("submissions:detail", "submissions:confirmation", "submissions:pdf"):
        assert stranger_client.get(url(name, submission.pk)).status_code == 404
        assert tessa_client.get(url(name, submission.pk)).status_code == 200


def test_anonymous_visitors_are_sent_to_log_in(client: Client) -> None:
    response = client.get(url("eforms:start", "asukaspysakointitunnus"))
    assert response.status_code == 302 and "next=" in response.headers["Location"]


def test_the_pdf_is_a_pdf_with_the_reference(tessa_client: Client) -> None:
    draft = fill_parking(tessa_client)
    tessa_client.post(url("submissions:draft_check", draft.pk))
    submission = Submission.objects.get()
    response = tessa_client.get(url("submissions:pdf", submission.pk))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "no-store" in response["Cache-Control"]


def test_a_service_requiring_prior_contact_shows_the_instructions_until_access_is_granted(
    tessa_client: Client, tessa: User
) -> None:
    Service.objects.filter(slug="ilmoitus-tai-palaute").update(requires_prior_contact=True)
    start = url("eforms:start", "ilmoitus-tai-palaute")
    response = tessa_client.get(start)
    assert response.status_code == 403
    assert "Ota ensin yhteyttä virastoon" in response.content.decode()
    assert tessa_client.post(start).status_code == 403
    AccessGrant.objects.create(
        service=Service.objects.get(slug="ilmoitus-tai-palaute"),
        customer=customer_for_person(tessa),
    )
    assert tessa_client.get(start).status_code == 200


def test_the_management_command_grants_an_organisation_access(db: None) -> None:
    from asiointi.organisations.models import Organisation

    organisation = Organisation.objects.create(business_id="0737546-2", name="Kaivuu Oy")
    call_command("grant_access", "kaivulupailmoitus", "0737546-2", "--note", "phoned 27.11.")
    grant = AccessGrant.objects.get()
    assert grant.customer.organisation == organisation and grant.note == "phoned 27.11."
