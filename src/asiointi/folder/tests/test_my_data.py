"""Download my data: prepared in the background, then served only to the customer."""

import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from asiointi.folder.messaging import message_send
from asiointi.folder.models import DataExport, Thread
from asiointi.folder.tests.items import fill_folder
from asiointi.tests.personas import Personas

pytestmark = pytest.mark.django_db


def _prepare(personas: Personas, on_commit: Callable[..., Any]) -> DataExport:
    with on_commit(execute=True):
        response = personas.resident.post(reverse("folder:my_data_request"), follow=True)
    assert "Kokoamme tietojasi." in response.content.decode()
    return DataExport.objects.get()


def test_the_export_holds_the_person_the_folder_and_the_messages(
    personas: Personas, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    fill_folder(personas.resident_customer, 3)
    person = personas.resident_customer.person
    assert person is not None
    person.email, person.email_verified_at = "tessa@example.fi", timezone.now()
    person.save()
    message_send(
        customer=personas.resident_customer,
        agency=personas.agency,
        subject="Terassilupa",
        body="Lupa myönnetty.",
    )
    export = _prepare(personas, django_capture_on_commit_callbacks)
    assert export.status == DataExport.Status.READY
    page = personas.resident.get(reverse("folder:my_data")).content.decode()
    assert "Luettava kopio (HTML)" in page
    response = personas.resident.get(reverse("folder:my_data_file", args=[export.pk, "json"]))
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(b"".join(response.streaming_content))  # type: ignore[attr-defined]
    assert data["person"]["name"] == "Tessa Testilä"
    assert data["person"]["identity_code"] == "010280-****"
    assert len(data["folder"]) == 4
    assert data["messages"][0]["messages"][0]["text"] == "Lupa myönnetty."
    assert any(event["action"] == "login" for event in data["audit_log"])
    [told] = data["notifications"]  # that the message is in the folder
    assert (told["channel"], told["about"]) == ("email", f"message {Thread.objects.get().pk}")
    assert told["recipient"] == "te•••@example.fi"
    html = personas.resident.get(reverse("folder:my_data_file", args=[export.pk, "html"]))
    readable = b"".join(html.streaming_content).decode()  # type: ignore[attr-defined]
    assert '<html lang="fi">' in readable and "Lupa myönnetty." in readable
    assert "010280-952L" not in readable


def test_a_failure_while_preparing_is_shown_and_no_file_is_offered(
    personas: Personas,
    django_capture_on_commit_callbacks: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(customer: object) -> dict[str, object]:
        raise RuntimeError("disk full")

    monkeypatch.setattr("asiointi.folder.tasks.customer_data", broken)
    export = _prepare(personas, django_capture_on_commit_callbacks)
    assert export.status == DataExport.Status.FAILED
    page = personas.resident.get(reverse("folder:my_data")).content.decode()
    assert "Tiedostojen kokoaminen epäonnistui." in page
    url = reverse("folder:my_data_file", args=[export.pk, "json"])
    assert personas.resident.get(url).status_code == 404


def test_while_it_is_being_prepared_the_page_says_so_and_offers_a_check(
    personas: Personas,
) -> None:
    personas.resident.post(reverse("folder:my_data_request"))  # its task waits for the commit
    page = personas.resident.get(reverse("folder:my_data")).content.decode()
    assert "Valmistellaan" in page
    assert "Tarkista, ovatko tiedostot valmiit" in page


def test_files_older_than_a_week_are_deleted_when_new_ones_are_prepared(
    personas: Personas, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    old = _prepare(personas, django_capture_on_commit_callbacks)
    storage, name = old.json_file.storage, old.json_file.name
    DataExport.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    with django_capture_on_commit_callbacks(execute=True):
        personas.resident.post(reverse("folder:my_data_request"))
    assert list(DataExport.objects.values_list("pk", flat=True)) != [old.pk]
    assert not DataExport.objects.filter(pk=old.pk).exists()
    assert not storage.exists(name)
