"""A logged-in sender: the feedback records whose it is, a file goes through the attachments app,
and the answer can come to the folder."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from asiointi.attachments.selectors import attachments_held
from asiointi.catalogue.models import Service
from asiointi.customers.models import Customer
from asiointi.feedback.models import Feedback
from asiointi.feedback.tests.conftest import feedback_url, form_of
from asiointi.identity.models import User

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_logged_in_feedback_records_the_customer_and_holds_the_file(
    tessa: User, parking: Service
) -> None:
    client = Client()
    client.force_login(tessa)
    url = feedback_url(parking)
    page = client.get(url).content.decode()
    assert 'value="Tessa Testilä"' in page and 'value="tessa@example.fi"' in page
    data = {
        **form_of(client, url),
        "kind": "problem",
        "message": "Liitteessä kuva virheestä.",
        "answer_to_folder": "on",
        "attachments": SimpleUploadedFile("virhe.pdf", PDF, content_type="application/pdf"),
    }
    answer = client.post(url, data, follow=True)
    assert "asiointikansioosi" in answer.content.decode()
    feedback = Feedback.objects.get()
    assert feedback.customer == Customer.objects.get(person=tessa)
    assert feedback.person == tessa and feedback.answer_to_folder
    held = attachments_held(holder=feedback.holder)
    assert [a.original_name for a in held] == ["virhe.pdf"]


def test_anonymous_senders_are_offered_a_file_but_no_folder(
    client: Client, parking: Service
) -> None:
    html = client.get(feedback_url(parking)).content.decode()
    assert 'type="file"' in html and "answer_to_folder" not in html
