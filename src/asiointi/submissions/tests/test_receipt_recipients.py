"""Who gets the receipt: the customer as they chose (an organisation at its own contacts), and a
broken mail transport never stops the form from being sent (the transport is used after the commit;
an unconfigured one still fails loudly, notify/tests/test_channel_selection.py)."""

from typing import Any

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.utils import timezone

from asiointi.customers.services import customer_for_organisation
from asiointi.organisations.models import Organisation
from asiointi.submissions.models import Submission
from asiointi.submissions.services import _receipt_send
from asiointi.submissions.tests.support import fill_parking, url

pytestmark = pytest.mark.usefixtures("demo_forms")


def test_a_broken_mail_transport_does_not_stop_sending_a_form(
    tessa_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    draft = fill_parking(tessa_client)
    # A real SMTP transport to a port where no server answers.
    smtp = {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend"}
    with (
        override_settings(**smtp, EMAIL_HOST="127.0.0.1", EMAIL_PORT=9, EMAIL_TIMEOUT=2),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = tessa_client.post(url("submissions:draft_check", draft.pk))
    submission = Submission.objects.get()
    assert response.headers["Location"] == url("submissions:confirmation", submission.pk)


def test_an_organisations_receipt_goes_to_the_organisations_contact_not_the_sender(
    tessa_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    draft = fill_parking(tessa_client)
    with django_capture_on_commit_callbacks(execute=True):
        tessa_client.post(url("submissions:draft_check", draft.pk))
    submission = Submission.objects.get()
    organisation = Organisation.objects.create(
        business_id="0737546-2",
        name="Käpylän Kotiseutuyhdistys ry",
        registered_at=timezone.now(),
        email="toimisto@kapyla.example",
        email_verified_at=timezone.now(),
    )
    submission.customer = customer_for_organisation(organisation)
    submission.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _receipt_send(submission)
    assert [m.to for m in mail.outbox] == [["toimisto@kapyla.example"]]
    assert submission.reference in mail.outbox[0].body


def test_a_refused_receipt_is_recorded_and_the_sent_form_says_so(
    tessa_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    draft = fill_parking(tessa_client)
    broken = "asiointi.notify.tests.test_customer_notifications.BrokenEmailBackend"
    with (
        override_settings(EMAIL_BACKEND=broken),
        django_capture_on_commit_callbacks(execute=True),
    ):
        tessa_client.post(url("submissions:draft_check", draft.pk))
    submission = Submission.objects.get()
    confirmation = tessa_client.get(url("submissions:confirmation", submission.pk)).content.decode()
    assert "Kuitti lähetetään sähköpostilla osoitteeseen te•••@example.fi." in confirmation
    detail = tessa_client.get(url("submissions:detail", submission.pk)).content.decode()
    assert "Kuitti" in detail
    assert "Ei voitu lähettää" in detail
