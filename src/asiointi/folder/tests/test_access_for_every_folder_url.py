"""Every folder address against every persona: only the customer sees their things."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from asiointi.attachments.services import attachment_accept
from asiointi.customers.acting import Acting
from asiointi.folder.forms import REPLY_LIMITS
from asiointi.folder.messaging import message_send, reply_send
from asiointi.folder.models import DataExport
from asiointi.folder.services import data_export_request
from asiointi.organisations.selectors import Rights, rights_remember
from asiointi.tests.personas import PDF, Personas

pytestmark = pytest.mark.django_db

OWNER = "resident"
COMPANY_OWNER = "resident acting for a company"


def _resident_urls(personas: Personas) -> list[str]:
    decision = message_send(
        customer=personas.resident_customer,
        agency=personas.agency,
        subject="Pysäköintitunnus",
        body="Päätös liitteenä.",
        reference="ABCD2345",
        document=PDF,
    )
    thread = decision.thread
    acting = Acting(person=personas.resident_person, customer=personas.resident_customer)
    attachment = attachment_accept(
        upload=SimpleUploadedFile("liite.pdf", PDF),
        limits=REPLY_LIMITS,
        customer=personas.resident_customer,
        person=personas.resident_person,
    )
    reply_send(thread=thread, acting=acting, body="Kiitos.", attachments=[attachment])
    export = data_export_request(
        customer=personas.resident_customer, person=personas.resident_person, language="fi"
    )
    return [
        reverse("folder:thread", args=[thread.pk]),
        reverse("folder:message_document", args=[decision.pk]),
        attachment.get_absolute_url(),
        reverse("folder:my_data_file", args=[export.pk, "json"]),
        reverse("folder:my_data_file", args=[export.pk, "html"]),
    ]


def _company_urls(personas: Personas) -> list[str]:
    message = message_send(
        customer=personas.company_customer,
        agency=personas.agency,
        subject="Terassilupa",
        body="Täydennyspyyntö.",
    )
    return [reverse("folder:thread", args=[message.thread_id])]


OWN_PAGES = ["folder:index", "folder:preferences", "folder:my_data"]


@pytest.mark.parametrize("name", OWN_PAGES)
def test_everyone_logged_in_sees_only_their_own_folder_pages_and_anonymous_is_sent_to_log_in(
    personas: Personas, name: str
) -> None:
    url = reverse(name)
    for persona, client in personas.all().items():
        response = client.get(url)
        if persona == "anonymous":
            assert response.status_code == 302, persona
            assert response["Location"].startswith(reverse("identity:login")), persona
        elif persona.startswith("staff"):
            # Staff-only accounts are no residents: the page says where residents log in.
            assert response.status_code == 403, persona
        else:
            assert response.status_code == 200, persona
            assert "no-store" in response.get("Cache-Control", ""), persona


@pytest.mark.parametrize(
    ("owner", "urls"), [(OWNER, _resident_urls), (COMPANY_OWNER, _company_urls)]
)
def test_every_object_in_a_folder_is_shown_only_to_its_customer_and_a_stranger_gets_404(
    personas: Personas,
    owner: str,
    urls: Callable[[Personas], list[str]],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        addresses = urls(personas)
    assert not DataExport.objects.exclude(status=DataExport.Status.READY).exists()
    for url in addresses:
        for persona, client in personas.all().items():
            response = client.get(url)
            if persona == owner:
                expected = 200
            elif persona == "anonymous":
                expected = 302
            elif persona.startswith("staff"):
                expected = 403
            else:
                expected = 404
            assert response.status_code == expected, f"{persona} at {url}"
            if expected == 302:
                assert response["Location"].startswith(reverse("identity:login"))


def test_a_reply_to_a_strangers_thread_is_404_and_writes_nothing(personas: Personas) -> None:
    url = _resident_urls(personas)[0]
    for persona, status in (
        ("unrelated resident", 404),
        (COMPANY_OWNER, 404),
        ("staff of the owning agency", 403),
    ):
        response = personas.all()[persona].post(url, {"body": "Minäkin!"})
        assert response.status_code == status, persona
    assert not personas.resident_customer.threads.get().messages.filter(body="Minäkin!").exists()


def test_a_person_whose_mandate_ended_no_longer_sees_the_company_folder(
    personas: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = _company_urls(personas)[0]
    assert personas.company_actor.get(url).status_code == 200
    # e-Authorizations now answers that Joni has no role or mandate in the company.
    rights_remember(person=personas.company_person, organisation=personas.company, rights=Rights())
    response = personas.company_actor.get(url)
    # The organisations app explains the refusal on its own page, showing nothing of the thread.
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("organisations:refused"))
