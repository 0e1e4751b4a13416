"""Export and import of the definition document, checked on import as publishing checks it."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from asiointi.formeditor.models import FormDraft
from asiointi.formeditor.tests.support import PARKING, editor_url, manager_client, opened


@pytest.fixture
def manager(demo_forms: None) -> Client:
    client = manager_client()
    opened(client)
    return client


def _upload(content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("lomake.json", content, content_type="application/json")


def test_an_exported_form_imports_into_another_service(manager: Client) -> None:
    exported = manager.get(editor_url("export", PARKING))
    assert exported["Content-Disposition"] == f'attachment; filename="{PARKING}.json"'
    document = json.loads(exported.content)
    document["pages"][0]["title"]["fi"] = "Tuotu"
    response = manager.post(
        editor_url("import", PARKING), {"document": _upload(json.dumps(document).encode())}
    )
    assert response.status_code == 302
    assert FormDraft.objects.get(service__slug=PARKING).document == document


def test_an_import_with_problems_changes_nothing_and_names_them(manager: Client) -> None:
    before = FormDraft.objects.get(service__slug=PARKING).document
    document = json.loads(manager.get(editor_url("export", PARKING)).content)
    del document["pages"][1]["title"]["sv"]
    response = manager.post(
        editor_url("import", PARKING), {"document": _upload(json.dumps(document).encode())}
    )
    assert response.status_code == 400
    assert "Sivu residence" in response.content.decode()
    assert FormDraft.objects.get(service__slug=PARKING).document == before


@pytest.mark.parametrize("content", [b"not json", b"\xff\xfe", b"[]", b'{"pages": 3}'])
def test_a_file_that_is_no_definition_is_refused_clearly(manager: Client, content: bytes) -> None:
    response = manager.post(editor_url("import", PARKING), {"document": _upload(content)})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Määrittelyä ei tuotu" in page
