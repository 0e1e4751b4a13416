"""Replies carry attachments with the same checks and virus scan as forms."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from asiointi.attachments.models import Attachment
from asiointi.attachments.tests.conftest import PNG
from asiointi.attachments.tests.fixtures import EICAR
from asiointi.folder.messaging import message_send
from asiointi.folder.models import Message
from asiointi.tests.personas import Personas

pytestmark = pytest.mark.django_db


def _thread_url(personas: Personas) -> str:
    message = message_send(
        customer=personas.resident_customer,
        agency=personas.agency,
        subject="Asukaspysäköintitunnus",
        body="Lähettäkää rekisteriote.",
    )
    return reverse("folder:thread", args=[message.thread_id])


@pytest.mark.usefixtures("clamd")
def test_a_reply_with_a_scanned_file_shows_it_in_the_thread_for_download(
    personas: Personas,
) -> None:
    url = _thread_url(personas)
    upload = SimpleUploadedFile("rekisteriote.png", PNG, content_type="image/png")
    response = personas.resident.post(url, {"body": "Tässä.", "attachments": [upload]}, follow=True)
    page = response.content.decode()
    assert "Vastauksesi on lähetetty." in page
    attachment = Attachment.objects.get()
    reply = Message.objects.get(sender=Message.Sender.CUSTOMER)
    assert attachment.holder == f"folder.message:{reply.pk}"
    assert attachment.scanned_at is not None
    assert attachment.get_absolute_url() in page
    download = personas.resident.get(attachment.get_absolute_url())
    assert download.status_code == 200
    assert personas.unrelated.get(attachment.get_absolute_url()).status_code == 404


@pytest.mark.usefixtures("clamd")
def test_an_infected_file_is_refused_and_the_reply_text_is_kept(personas: Personas) -> None:
    url = _thread_url(personas)
    upload = SimpleUploadedFile("virus.pdf", EICAR, content_type="application/pdf")
    page = personas.resident.post(url, {"body": "Tässä liite.", "attachments": [upload]})
    text = page.content.decode()
    assert page.status_code == 200
    assert "Tässä liite." in text
    assert "<title>Virhe:" in text
    assert not Message.objects.filter(sender=Message.Sender.CUSTOMER).exists()
    assert not Attachment.objects.exists()
