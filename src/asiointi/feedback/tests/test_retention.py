"""Feedback's retention rule (record kind "feedback") deletes or anonymises exactly the feedback
past its date, with its files, and nothing else; erasure of a person anonymises what they sent."""

from datetime import timedelta
from typing import Any

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from asiointi.attachments.models import Attachment
from asiointi.catalogue.models import Service
from asiointi.customers.services import customer_for_person
from asiointi.feedback.models import Feedback
from asiointi.feedback.tests.conftest import feedback_url, form_of
from asiointi.identity.models import User
from asiointi.privacy.models import RetentionRule
from asiointi.privacy.personal_data import personal_data_collect, personal_data_erase
from asiointi.privacy.retention import retention_apply

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _send(client: Client, service: Service, message: str, **fields: Any) -> Feedback:
    url = feedback_url(service)
    data = {**form_of(client, url), "kind": "problem", "message": message, **fields}
    assert client.post(url, data).status_code == 303
    return Feedback.objects.get(message=message)


@pytest.fixture
def sent(tessa: User, parking: Service, school_transport: Service) -> dict[str, Feedback]:
    """Tessa's feedback with a file on parking, and an anonymous sender's on school transport."""
    tessa_client = Client()
    tessa_client.force_login(tessa)
    upload = SimpleUploadedFile("virhe.pdf", PDF, content_type="application/pdf")
    return {
        "tessa": _send(tessa_client, parking, "Kuva virheestä.", attachments=upload),
        "anonymous": _send(
            Client(), school_transport, "Bussi myöhässä.", contact_email="aino@example.fi"
        ),
    }


def _age(feedback: Feedback, days: int) -> None:
    Feedback.objects.filter(pk=feedback.pk).update(created_at=timezone.now() - timedelta(days=days))


def _rule(days: int, action: str = "delete", service: Service | None = None) -> None:
    RetentionRule.objects.update_or_create(
        kind="feedback", service=service, defaults={"days": days, "action": action}
    )


def test_the_default_keeps_feedback_two_years() -> None:
    default = RetentionRule.objects.get(kind="feedback", service=None)
    assert (default.days, default.action) == (730, "delete")


def test_feedback_past_its_date_is_deleted_with_its_file_and_nothing_else(
    sent: dict[str, Feedback], django_capture_on_commit_callbacks: Any
) -> None:
    (file,) = Attachment.objects.filter(holder=sent["tessa"].holder)
    _age(sent["tessa"], 731)
    _age(sent["anonymous"], 729)
    with django_capture_on_commit_callbacks(execute=True):
        run = retention_apply()
    assert run.counts["feedback"] == {"deleted": 1, "anonymised": 0}
    assert list(Feedback.objects.all()) == [sent["anonymous"]]
    assert not Attachment.objects.filter(pk=file.pk).exists()
    assert not storages["attachments"].exists(file.file.name)


def test_a_services_anonymise_rule_keeps_only_that_feedback_came(
    sent: dict[str, Feedback], parking: Service
) -> None:
    _rule(30, "anonymise", service=parking)
    _age(sent["tessa"], 31)
    _age(sent["anonymous"], 31)  # its service follows the default: two years
    run = retention_apply()
    assert run.counts["feedback"] == {"deleted": 0, "anonymised": 1}
    kept = Feedback.objects.get(pk=sent["tessa"].pk)
    assert (kept.reference, kept.kind, kept.service, kept.agency) == (
        sent["tessa"].reference,
        "problem",
        parking,
        parking.agency,
    )
    assert kept.message == "–" and kept.customer is None and kept.person is None
    assert (kept.contact_name, kept.contact_email, kept.contact_phone) == ("", "", "")
    assert not Attachment.objects.filter(holder=kept.holder).exists()
    untouched = Feedback.objects.get(pk=sent["anonymous"].pk)
    assert untouched.message == "Bussi myöhässä." and untouched.contact_email == "aino@example.fi"
    assert retention_apply().counts["feedback"] == {"deleted": 0, "anonymised": 0}


def test_answered_feedback_is_kept_from_its_answer(sent: dict[str, Feedback]) -> None:
    _age(sent["anonymous"], 800)
    Feedback.objects.filter(pk=sent["anonymous"].pk).update(
        answer="Kiitos.", answered_at=timezone.now() - timedelta(days=10)
    )
    assert retention_apply().counts["feedback"] == {"deleted": 0, "anonymised": 0}
    assert Feedback.objects.count() == 2


def test_the_senders_copy_has_their_feedback_and_erasure_anonymises_it(
    sent: dict[str, Feedback], tessa: User
) -> None:
    customer = customer_for_person(tessa)
    (copy,) = personal_data_collect(customer)["feedback"]
    assert copy["reference"] == sent["tessa"].reference and copy["message"] == "Kuva virheestä."
    personal_data_erase(customer)
    kept = Feedback.objects.get(pk=sent["tessa"].pk)
    assert kept.message == "–" and kept.customer is None and kept.contact_email == ""
    assert Feedback.objects.get(pk=sent["anonymous"].pk).message == "Bussi myöhässä."
