"""Publishing: every problem named and linked, nothing published with one; a new numbered
version; drafts already started stay on theirs; who published what and when, and the changes."""

from typing import Any

import pytest
from django.test import Client

from asiointi.eforms.models import FormVersion
from asiointi.formeditor.tests.support import PARKING, editor_url, manager_client, opened
from asiointi.submissions.models import Draft, Submission
from asiointi.submissions.tests.support import PARKING_ANSWERS, answer, start, url


@pytest.fixture
def manager(demo_forms: None) -> Client:
    client = manager_client()
    opened(client)
    return client


def _versions() -> list[int]:
    return list(
        FormVersion.objects.filter(form__service__slug=PARKING)
        .order_by("number")
        .values_list("number", flat=True)
    )


def _rename_vehicle_page(manager: Client, **titles: str) -> None:
    response = manager.post(editor_url("page", PARKING, "vehicle"), titles)
    assert response.status_code == 302


def test_problems_are_listed_each_linked_to_what_to_fix_and_nothing_is_published(
    manager: Client,
) -> None:
    _rename_vehicle_page(manager, title_fi="Auto")  # Swedish and English now missing
    manager.post(
        editor_url("question", PARKING, "vehicle", "holding"),
        {"label_fi": "Suhde", "label_sv": "Relation", "label_en": "Relation", "options": "a | A"},
    )
    page = manager.get(editor_url("publish", PARKING)).content.decode()
    assert "Sivu vehicle: tekstistä puuttuu" in page
    assert f'href="{editor_url("page", PARKING, "vehicle")}"' in page
    assert f'href="{editor_url("question", PARKING, "vehicle", "holding")}"' in page
    assert "Julkaise uusi versio" not in page

    response = manager.post(editor_url("publish", PARKING))
    assert response.status_code == 400
    assert _versions() == [1]


def test_problems_are_named_in_the_managers_language(manager: Client) -> None:
    _rename_vehicle_page(manager, title_fi="Auto")
    page = manager.get(editor_url("publish", PARKING, language="sv")).content.decode()
    assert "Sidan vehicle" in page
    assert f'href="{editor_url("page", PARKING, "vehicle", language="sv")}"' in page


def test_publishing_makes_a_new_numbered_version_by_the_manager(manager: Client) -> None:
    _rename_vehicle_page(manager, title_fi="Auto", title_sv="Bil", title_en="Car")
    page = manager.get(editor_url("publish", PARKING)).content.decode()
    assert "pages › vehicle › title › fi" in page and "Auto" in page
    response = manager.post(editor_url("publish", PARKING))
    assert response.status_code == 302
    assert _versions() == [1, 2]
    newest = FormVersion.objects.get(form__service__slug=PARKING, number=2)
    assert newest.document["pages"][2]["title"] == {"fi": "Auto", "sv": "Bil", "en": "Car"}
    assert newest.published_by is not None and newest.published_by.username == "manageri"
    history = manager.get(editor_url("versions", PARKING)).content.decode()
    assert "Manageri Virkailija" in history and "Versio 2 on julkaistu." in history

    diff = manager.get(editor_url("version_diff", PARKING, query="?a=1&b=2")).content.decode()
    assert "pages › vehicle › title › sv" in diff
    assert "&quot;Bil&quot;" in diff and "&quot;Fordonet&quot;" in diff


def test_publishing_again_without_changes_makes_no_new_version(manager: Client) -> None:
    _rename_vehicle_page(manager, title_fi="Auto", title_sv="Bil", title_en="Car")
    manager.post(editor_url("publish", PARKING))
    manager.post(editor_url("publish", PARKING))
    assert _versions() == [1, 2]
    assert "Mikään ei ole muuttunut" in manager.get(editor_url("publish", PARKING)).content.decode()


def test_a_draft_started_before_publishing_is_sent_on_its_version(
    manager: Client, tessa_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    draft = start(tessa_client, PARKING)
    for page in ("applicant", "residence"):
        assert answer(tessa_client, draft, page, PARKING_ANSWERS[page]).status_code == 302

    # The manager adds a required question to the vehicle page and publishes version 2.
    manager.post(
        editor_url("question_add", PARKING, "vehicle", query="?type=text"),
        {
            "key": "colour",
            "label_fi": "Väri",
            "label_sv": "Färg",
            "label_en": "Colour",
            "required": "on",
        },
    )
    assert manager.post(editor_url("publish", PARKING)).status_code == 302
    assert _versions() == [1, 2]

    # The resident's draft stays on version 1: its vehicle page does not ask the colour.
    vehicle = tessa_client.get(url("submissions:draft_page", draft.pk, "vehicle")).content.decode()
    assert "Väri" not in vehicle
    for page in ("vehicle", "period", "confirm"):
        assert answer(tessa_client, draft, page, PARKING_ANSWERS[page]).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        sent = tessa_client.post(url("submissions:draft_check", draft.pk))
    assert sent.status_code == 302
    assert Submission.objects.get(draft_key=draft.pk).version.number == 1

    # A new start gets version 2, which asks it.
    second = start(tessa_client, PARKING)
    assert second.version.number == 2
    page = tessa_client.get(url("submissions:draft_page", second.pk, "vehicle")).content.decode()
    assert "Väri" in page


def test_an_edited_demo_form_changes_nothing_for_a_draft_on_the_old_version(
    manager: Client, tessa_client: Client
) -> None:
    draft = start(tessa_client, PARKING)
    manager.post(editor_url("page_delete", PARKING, "period"))
    assert manager.post(editor_url("publish", PARKING)).status_code == 302
    assert Draft.objects.get(pk=draft.pk).version.number == 1
    response = tessa_client.get(url("submissions:draft_page", draft.pk, "applicant"))
    assert response.status_code == 200
