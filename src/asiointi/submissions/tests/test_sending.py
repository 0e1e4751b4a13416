"""Sending a filled form: one locked submission with a reference, a receipt, a folder entry."""

from typing import Any

import pytest
from django.core import mail
from django.test import Client

from asiointi.customers.reference import ALPHABET
from asiointi.folder.models import FolderItem
from asiointi.submissions.crypto import content_decrypt
from asiointi.submissions.models import Draft, Submission
from asiointi.submissions.tests.support import fill_parking, url

pytestmark = pytest.mark.usefixtures("demo_forms")


def test_a_filled_form_is_sent_once_however_often_send_is_pressed(tessa_client: Client) -> None:
    draft = fill_parking(tessa_client)
    check = url("submissions:draft_check", draft.pk)
    responses = [tessa_client.post(check) for _ in range(3)]
    submission = Submission.objects.get()
    confirmation = url("submissions:confirmation", submission.pk)
    assert [r.headers["Location"] for r in responses] == [confirmation] * 3
    assert not Draft.objects.exists()
    assert len(submission.reference) == 8 and set(submission.reference) <= set(ALPHABET)
    page = tessa_client.get(confirmation).content.decode()
    assert submission.reference in page


def test_a_sent_form_is_stored_encrypted_with_its_answers_and_status_history(
    tessa_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    draft = fill_parking(tessa_client)
    with django_capture_on_commit_callbacks(execute=True):
        tessa_client.post(url("submissions:draft_check", draft.pk))
    submission = Submission.objects.get()
    assert "ABC-123" not in submission.content_encrypted
    answers = content_decrypt(submission.content_encrypted)
    assert answers["registration"] == "ABC-123"
    assert answers["identity_code"] == "010280-952L"
    assert [change.status for change in submission.history.all()] == ["received", "delivered"]
    item = FolderItem.objects.get(kind="submission")
    assert item.reference == submission.reference and item.status == "delivered"


def test_the_receipt_names_the_reference_but_no_answers(
    tessa_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    draft = fill_parking(tessa_client)
    with django_capture_on_commit_callbacks(execute=True):
        tessa_client.post(url("submissions:draft_check", draft.pk))
    submission = Submission.objects.get()
    receipts = [m for m in mail.outbox if "tessa@example.fi" in m.to]
    assert len(receipts) == 1
    assert submission.reference in receipts[0].body
    assert "ABC-123" not in receipts[0].body and "952L" not in receipts[0].body


def test_the_customers_own_copy_of_their_data_has_the_submission_with_the_code_masked(
    tessa_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    from asiointi.folder.export import as_json, customer_data

    draft = fill_parking(tessa_client)
    with django_capture_on_commit_callbacks(execute=True):
        tessa_client.post(url("submissions:draft_check", draft.pk))
    submission = Submission.objects.get()
    copy = as_json(customer_data(submission.customer)).decode()  # type: ignore[arg-type]
    assert submission.reference in copy and "ABC-123" in copy
    assert "010280-****" in copy and "952L" not in copy
