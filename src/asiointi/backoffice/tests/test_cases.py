"""Handling a case: the inbox, the case page and its actions, as the agency's clerk."""

from typing import Any

import pytest
from django.core import mail
from django.test import Client

from asiointi.backoffice.models import CaseNote
from asiointi.backoffice.tests.support import case_url, url
from asiointi.folder.models import FolderItem
from asiointi.identity.models import User
from asiointi.privacy.models import AuditEvent
from asiointi.submissions.models import Submission

pytestmark = pytest.mark.usefixtures("demo_forms")


def test_the_inbox_lists_the_agencys_new_case_with_customer_and_service(
    case: Submission, clerk: Client
) -> None:
    response = clerk.get(url("backoffice:inbox", "kaupunkiymparisto"))
    page = response.content.decode()
    assert response.status_code == 200
    assert case.reference in page and "Tessa Testilä" in page
    assert "952L" not in page
    assert "Uusi" in page  # the status "new" in Finnish


def test_the_case_page_shows_the_answers_as_sent_and_the_identity_code_masked(
    case: Submission, clerk: Client
) -> None:
    response = clerk.get(case_url("backoffice:case", case))
    page = response.content.decode()
    assert response.status_code == 200
    assert "ABC-123" in page
    assert "010280-****" in page and "952L" not in page
    assert AuditEvent.objects.filter(
        action="personal_data_read", target=f"submission:{case.pk}"
    ).exists()


def test_changing_the_status_shows_in_the_folder_and_tells_the_customer(
    case: Submission, clerk: Client, django_capture_on_commit_callbacks: Any
) -> None:
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = clerk.post(case_url("backoffice:case_status", case), {"status": "in_progress"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "in_process"
    assert FolderItem.objects.get(kind="submission", key=str(case.pk)).status == "in_process"
    assert [m.to for m in mail.outbox] == [["tessa@example.fi"]]
    change = case.history.last()
    assert change is not None and change.changed_by == User.objects.get(username="kaisa")


def test_asking_for_information_waits_for_the_customer_whose_reply_returns_it_to_the_clerk(
    case: Submission, clerk: Client, tessa_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        clerk.post(
            case_url("backoffice:case_message", case),
            {"kind": "ask", "body": "Lähetä kopio rekisteriotteesta."},
        )
    case.refresh_from_db()
    assert case.status == "waiting"
    assert len(mail.outbox) == 1  # one notification, not one per change
    item = FolderItem.objects.get(kind="submission", key=str(case.pk))
    assert item.needs_action
    thread_item = FolderItem.objects.get(kind="message", customer=item.customer)
    response = tessa_client.post(
        url("folder:thread", int(thread_item.key)), {"body": "Tässä rekisteriote."}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "in_process"
    page = clerk.get(case_url("backoffice:case", case)).content.decode()
    assert "Tässä rekisteriote." in page


def test_a_decision_made_from_the_message_decides_the_case_and_reaches_the_folder(
    case: Submission, clerk: Client, tessa_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        clerk.post(
            case_url("backoffice:case_message", case),
            {"kind": "decision", "body": "Pysäköintitunnus myönnetään."},
        )
    case.refresh_from_db()
    assert case.status == "decided"
    decision = FolderItem.objects.get(kind="decision")
    response = tessa_client.get(url("folder:message_document", int(decision.key)))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")  # type: ignore[attr-defined]


def test_an_uploaded_pdf_is_the_decision_and_anything_else_is_refused(
    case: Submission, clerk: Client
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    not_pdf = SimpleUploadedFile("paatos.pdf", b"hello", content_type="application/pdf")
    response = clerk.post(
        case_url("backoffice:case_message", case),
        {"kind": "decision", "body": "Päätös liitteenä.", "document": not_pdf},
    )
    assert response.status_code == 400
    assert "ei ole PDF" in response.content.decode()
    case.refresh_from_db()
    assert case.status != "decided"
    pdf = SimpleUploadedFile("paatos.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    response = clerk.post(
        case_url("backoffice:case_message", case),
        {"kind": "decision", "body": "Päätös liitteenä.", "document": pdf},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "decided"


def test_internal_notes_are_for_staff_and_never_in_the_customers_folder(
    case: Submission, clerk: Client, tessa_client: Client
) -> None:
    clerk.post(case_url("backoffice:case_note", case), {"body": "Soitettu asiakkaalle."})
    assert CaseNote.objects.get().body == "Soitettu asiakkaalle."
    assert "Soitettu asiakkaalle." in clerk.get(case_url("backoffice:case", case)).content.decode()
    for page in (url("folder:index"), url("submissions:detail", case.pk)):
        assert "Soitettu" not in tessa_client.get(page).content.decode()


def test_revealing_the_identity_code_needs_a_reason_and_is_audit_logged(
    case: Submission, clerk: Client
) -> None:
    response = clerk.post(case_url("backoffice:case_reveal", case), {"reason": ""})
    assert response.status_code == 400 and "010280-952L" not in response.content.decode()
    response = clerk.post(
        case_url("backoffice:case_reveal", case), {"reason": "Väestötietojen tarkistus"}
    )
    assert response.status_code == 200 and "010280-952L" in response.content.decode()
    event = AuditEvent.objects.get(details__what="identity code revealed")
    assert event.details["reason"] == "Väestötietojen tarkistus"
    assert event.user == User.objects.get(username="kaisa")


def test_assigning_filters_the_inbox_by_handler(case: Submission, clerk: Client) -> None:
    kaisa = User.objects.get(username="kaisa")
    clerk.post(case_url("backoffice:case_assign", case), {"assignee": str(kaisa.pk)})
    inbox = url("backoffice:inbox", "kaupunkiymparisto")
    assert case.reference in clerk.get(inbox, {"assignee": str(kaisa.pk)}).content.decode()
    assert case.reference not in clerk.get(inbox, {"assignee": "none"}).content.decode()
    assert case.reference not in clerk.get(inbox, {"status": "decided"}).content.decode()
    assert case.reference in clerk.get(inbox, {"q": case.reference.lower()}).content.decode()
    assert case.reference in clerk.get(inbox, {"q": "testilä"}).content.decode()
    assert case.reference not in clerk.get(inbox, {"q": "Virtanen"}).content.decode()


def test_the_csv_export_has_the_filtered_cases_without_identity_codes(
    case: Submission, clerk: Client
) -> None:
    response = clerk.get(url("backoffice:export", "kaupunkiymparisto"), {"status": "new"})
    text = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert case.reference in text and "Tessa Testilä" in text
    assert "952L" not in text and "010280" not in text
    response = clerk.get(url("backoffice:export", "kaupunkiymparisto"), {"status": "closed"})
    assert case.reference not in b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
