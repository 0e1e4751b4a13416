"""Agencies write to the folder; the customer reads, is told, and replies in the same thread."""

import io
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from asiointi.folder.messaging import MessageRefused, message_send
from asiointi.folder.models import FolderItem, Message
from asiointi.folder.services import notification_preference_set
from asiointi.identity.models import User
from asiointi.notify.models import OutboxMessage
from asiointi.privacy.models import AuditEvent
from asiointi.tests.personas import PDF, Personas

pytestmark = pytest.mark.django_db

OnCommit = Callable[..., Any]


def _confirm_contacts(person: User, *, email: str = "", mobile: str = "") -> None:
    now = timezone.now()
    person.email, person.email_verified_at = email, now if email else None
    person.mobile_number, person.mobile_verified_at = mobile, now if mobile else None
    person.save()


def _send(personas: Personas, **extra: Any) -> Message:
    values: dict[str, Any] = {
        "customer": personas.resident_customer,
        "agency": personas.agency,
        "subject": "Asukaspysäköintitunnus",
        "body": "Hakemuksestanne puuttuu ajoneuvon rekisteriote. Lähettäkää se vastauksena.",
        "reference": "ABCD2345",
    }
    return message_send(**{**values, **extra})


def test_a_message_appears_in_the_folder_as_unread_and_needing_action(personas: Personas) -> None:
    message = _send(personas)
    item = FolderItem.objects.get(kind="message", key=str(message.thread_id))
    assert item.customer == personas.resident_customer
    assert item.needs_action and item.status == "unread"
    assert item.reference == "ABCD2345"
    page = personas.resident.get(reverse("folder:index")).content.decode()
    assert "1 lukematon viesti" in page
    assert "Asukaspysäköintitunnus" in page


def test_reading_the_thread_marks_it_read(personas: Personas) -> None:
    message = _send(personas)
    url = reverse("folder:thread", args=[message.thread_id])
    page = personas.resident.get(url).content.decode()
    assert "rekisteriote" in page and "Uusi" in page  # still marked new on the first visit
    message.refresh_from_db()
    assert message.read_at is not None
    item = FolderItem.objects.get(kind="message")
    assert not item.needs_action and item.status == "read"
    assert "Uusi<" not in personas.resident.get(url).content.decode()


def test_only_reading_an_organisations_thread_is_audit_logged(personas: Personas) -> None:
    own = _send(personas)
    theirs = _send(personas, customer=personas.company_customer)
    assert personas.resident.get(reverse("folder:thread", args=[own.thread_id])).status_code == 200
    url = reverse("folder:thread", args=[theirs.thread_id])
    assert personas.company_actor.get(url).status_code == 200
    audited = AuditEvent.objects.filter(action=AuditEvent.Action.PERSONAL_DATA_READ)
    assert list(audited.values_list("user", "target")) == [
        (personas.company_person.pk, f"folder.thread:{theirs.thread_id}")
    ]


def test_the_customer_replies_in_the_same_thread(personas: Personas) -> None:
    message = _send(personas)
    url = reverse("folder:thread", args=[message.thread_id])
    response = personas.resident.post(url, {"body": "Rekisteriote tulossa huomenna."}, follow=True)
    assert "Vastauksesi on lähetetty." in response.content.decode()
    reply = message.thread.messages.get(sender=Message.Sender.CUSTOMER)
    assert reply.person == personas.resident_person
    assert reply.body == "Rekisteriote tulossa huomenna."
    assert FolderItem.objects.get(kind="message").status == "replied"


def test_an_empty_reply_is_refused_clearly_and_a_too_long_one_keeps_what_was_typed(
    personas: Personas,
) -> None:
    message = _send(personas)
    url = reverse("folder:thread", args=[message.thread_id])
    empty = personas.resident.post(url, {"body": "   "}).content.decode()
    assert "Kirjoita vastauksesi." in empty
    assert "<title>Virhe:" in empty
    long_text = "x" * 5001
    too_long = personas.resident.post(url, {"body": long_text}).content.decode()
    assert "enintään 5000 merkkiä" in too_long
    assert long_text in too_long
    assert message.thread.messages.count() == 1


def test_a_reply_with_control_characters_is_refused_but_line_breaks_and_tabs_are_kept(
    personas: Personas,
) -> None:
    message = _send(personas)
    url = reverse("folder:thread", args=[message.thread_id])
    refused = personas.resident.post(url, {"body": "Hei\u202e\x00 virkailija"}).content.decode()
    assert "Poista tekstistä näkymätön ohjausmerkki (U+202E)" in refused
    assert message.thread.messages.count() == 1
    personas.resident.post(url, {"body": "Hei,\r\n\tkiitos."})
    assert message.thread.messages.latest("pk").body == "Hei,\r\n\tkiitos."


def test_a_decision_carries_its_pdf_and_date_of_service(personas: Personas) -> None:
    decision = _send(personas, document=PDF, document_name="paatos.pdf")
    assert decision.is_decision and decision.served_on == timezone.localdate()
    item = FolderItem.objects.get(kind="decision")
    assert item.needs_action and item.title["fi"] == "Päätös: Asukaspysäköintitunnus"
    page = personas.resident.get(reverse("folder:thread", args=[decision.thread_id]))
    assert "Lataa päätös (PDF): paatos.pdf" in page.content.decode()
    document = personas.resident.get(reverse("folder:message_document", args=[decision.pk]))
    assert document["Content-Type"] == "application/pdf"
    assert b"".join(document.streaming_content) == PDF  # type: ignore[attr-defined]
    assert not FolderItem.objects.get(kind="decision").needs_action


def test_a_decision_that_is_not_a_pdf_is_refused_and_nothing_is_written(
    personas: Personas,
) -> None:
    with pytest.raises(MessageRefused):
        _send(personas, document=b"<html>not a pdf</html>")
    assert not Message.objects.exists()


@pytest.mark.usefixtures("dev_outbox")
@pytest.mark.parametrize(
    ("channel", "expected"), [("email", {"email"}), ("sms", {"sms"}), ("both", {"email", "sms"})]
)
def test_the_customer_is_told_by_their_chosen_channel_without_the_content(
    personas: Personas,
    django_capture_on_commit_callbacks: OnCommit,
    channel: str,
    expected: set[str],
) -> None:
    person = personas.resident_person
    _confirm_contacts(person, email="tessa@example.fi", mobile="+358401234567")
    notification_preference_set(
        customer=personas.resident_customer, person=person, channel=channel, language="sv"
    )
    with django_capture_on_commit_callbacks(execute=True):
        _send(personas)
    sent = list(OutboxMessage.objects.all())
    assert {m.channel for m in sent} == expected
    for notification in sent:
        assert "rekisteriote" not in notification.body
        assert "Asukaspysäköintitunnus" not in notification.body + notification.subject
        assert "e-tjänstmapp" in notification.body  # Swedish, as chosen
        assert "http://127.0.0.1:8000/sv/" in notification.body


@pytest.mark.usefixtures("dev_outbox")
def test_without_preferences_the_confirmed_email_is_used(
    personas: Personas, django_capture_on_commit_callbacks: OnCommit
) -> None:
    _confirm_contacts(personas.resident_person, email="tessa@example.fi")
    with django_capture_on_commit_callbacks(execute=True):
        _send(personas)
    assert [m.recipient for m in OutboxMessage.objects.all()] == ["tessa@example.fi"]


def test_the_management_command_sends_to_a_person_by_identity_code_from_stdin(
    personas: Personas, tmp_path: Any
) -> None:
    document = tmp_path / "paatos.pdf"
    document.write_bytes(PDF)
    out = io.StringIO()
    call_command(
        "folder_send_message",
        "--agency",
        personas.agency.slug,
        "--person-from-stdin",
        "--subject",
        "Päätös",
        "--body",
        "Päätös liitteenä.",
        "--document",
        str(document),
        "--served-on",
        "2026-12-01",
        stdin=io.StringIO("010280-952L\n"),
        stdout=out,
    )
    decision = Message.objects.get()
    assert decision.thread.customer == personas.resident_customer
    assert decision.is_decision and str(decision.served_on) == "2026-12-01"
    assert "Sent message" in out.getvalue()


def test_the_management_command_refuses_an_unknown_identity_code(personas: Personas) -> None:
    with pytest.raises(CommandError, match="Nobody"):
        call_command(
            "folder_send_message",
            "--agency",
            personas.agency.slug,
            "--person-from-stdin",
            "--subject",
            "Hei",
            "--body",
            "Hei",
            stdin=io.StringIO("010594Y9032\n"),
        )
    assert not Message.objects.exists()


def test_a_decision_without_a_document_gets_a_pdf_made_from_the_message(
    personas: Personas,
) -> None:
    decision = _send(personas, decision=True)
    assert decision.is_decision
    content = decision.document.read()
    assert content.startswith(b"%PDF-")
    assert FolderItem.objects.filter(kind="decision").exists()


@pytest.mark.usefixtures("dev_outbox")
def test_an_organisation_is_told_at_its_own_confirmed_address_not_its_peoples(
    personas: Personas, django_capture_on_commit_callbacks: OnCommit
) -> None:
    _confirm_contacts(personas.company_person, email="joni@example.fi")
    company = personas.company
    company.email, company.email_verified_at = "toimisto@testiyhtio.fi", timezone.now()
    company.save()
    with django_capture_on_commit_callbacks(execute=True):
        _send(personas, customer=personas.company_customer)
    assert [m.recipient for m in OutboxMessage.objects.all()] == ["toimisto@testiyhtio.fi"]
