"""An anonymous sender attaches a file: checked and scanned like every file, kept through an error
in another field, held by the feedback, and opened by the agency's staff through their inbox
(audit-logged); nobody else, another browser included, can keep or open it."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from asiointi.attachments.models import Attachment
from asiointi.attachments.selectors import attachments_held
from asiointi.catalogue.models import Service
from asiointi.feedback.models import Feedback
from asiointi.feedback.tests.conftest import feedback_url, form_of
from asiointi.privacy.models import AuditEvent

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name: str = "kuva.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def test_an_anonymous_file_survives_an_error_and_reaches_the_agency(
    client: Client, parking: Service, street_clerk: Client, school_clerk: Client
) -> None:
    url = feedback_url(parking)
    data = {**form_of(client, url), "kind": "problem", "message": "", "attachments": pdf()}
    again = client.post(url, data)
    page = again.content.decode()
    assert again.status_code == 200 and "Kirjoita palautteesi" in page
    kept = Attachment.objects.get()
    assert kept.customer is None and kept.holder == ""
    assert f'value="{kept.pk}"' in page and "kuva.pdf" in page

    data = {**data, "message": "Katulamppu rikki.", "attachments-keep": str(kept.pk)}
    del data["attachments"]
    assert client.post(url, data).status_code == 303
    feedback = Feedback.objects.get()
    assert [a.pk for a in attachments_held(holder=feedback.holder)] == [kept.pk]

    opened = reverse("feedback:staff_attachment", args=[feedback.pk, kept.pk])
    response = street_clerk.get(opened)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF  # type: ignore[attr-defined]
    event = AuditEvent.objects.get(details__what="feedback attachment opened")
    assert event.target == f"attachment:{kept.pk}"
    assert school_clerk.get(opened).status_code == 404


def test_a_file_of_the_wrong_kind_is_refused_with_the_text_kept(
    client: Client, parking: Service
) -> None:
    url = feedback_url(parking)
    data = {
        **form_of(client, url),
        "kind": "problem",
        "message": "Tässä ohjelma.",
        "attachments": SimpleUploadedFile("ohjelma.exe", b"MZ\x90\x00" * 100),
    }
    response = client.post(url, data)
    page = response.content.decode()
    assert response.status_code == 200 and not Feedback.objects.exists()
    assert "ohjelma.exe" in page and "Tässä ohjelma." in page
    assert not Attachment.objects.exists()


def test_another_browser_cannot_take_an_anonymous_senders_file(
    client: Client, parking: Service
) -> None:
    url = feedback_url(parking)
    client.post(url, {**form_of(client, url), "kind": "problem", "attachments": pdf()})
    theirs = Attachment.objects.get()
    other = Client()
    data = {
        **form_of(other, url),
        "kind": "problem",
        "message": "Otan toisen liitteen.",
        "attachments-keep": str(theirs.pk),
    }
    assert other.post(url, data).status_code == 303
    assert attachments_held(holder=Feedback.objects.get().holder) == []
    theirs.refresh_from_db()
    assert theirs.holder == ""
