"""Preview: any page of the draft, in any language, with the resident's page template, and the
routing the answers lead along; nothing is saved."""

import pytest
from django.test import Client

from asiointi.formeditor.tests.support import PARKING, editor_url, manager_client, opened
from asiointi.submissions.models import Draft


@pytest.fixture
def manager(demo_forms: None) -> Client:
    client = manager_client()
    opened(client)
    return client


def test_any_page_previews_in_any_language_before_publishing(manager: Client) -> None:
    manager.post(
        editor_url("page", PARKING, "vehicle"),
        {"title_fi": "Auto", "title_sv": "Bilen", "title_en": "The car"},
    )
    for language, title, question in (
        ("fi", "Auto", "Rekisteritunnus"),
        ("sv", "Bilen", "Registreringsnummer"),
        ("en", "The car", "Registration number"),
    ):
        page = manager.get(
            editor_url("preview", PARKING, "vehicle", query=f"?lang={language}")
        ).content.decode()
        assert f"<h1>{title}</h1>" in page
        assert question in page
        assert f'<html lang="{language}">' in page


def test_the_preview_follows_the_routing_to_an_exit_page(manager: Client) -> None:
    address = editor_url("preview", PARKING, "residence", query="?lang=en")
    response = manager.post(address, {"action": "continue", "lives_in_zone": "no"})
    assert response.status_code == 302
    assert response["Location"] == editor_url("preview_end", PARKING, query="?lang=en")
    end = manager.get(response["Location"]).content.decode()
    assert "You cannot apply for a resident parking permit" in end

    response = manager.post(address, {"action": "continue", "lives_in_zone": "yes"})
    assert response["Location"] == editor_url("preview", PARKING, "vehicle", query="?lang=en")
    assert not Draft.objects.exists()


def test_a_wrong_answer_in_the_preview_shows_the_residents_error(manager: Client) -> None:
    response = manager.post(
        editor_url("preview", PARKING, "vehicle", query="?lang=fi"),
        {"action": "continue", "registration": "", "holding": "owner"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Virhe:" in page and 'id="error-summary"' in page


def test_a_repeating_page_adds_items_in_the_preview(manager: Client) -> None:
    manager.post(
        editor_url("page", PARKING, "vehicle"),
        {"title_fi": "Ajoneuvot", "repeat": "on", "repeat_min": "1", "repeat_max": "3"},
    )
    response = manager.post(
        editor_url("preview", PARKING, "vehicle", query="?lang=fi"),
        {"action": "add", "vehicle-count": "1", "vehicle-0-registration": "ABC-1"},
    )
    page = response.content.decode()
    assert 'name="vehicle-1-registration"' in page and 'value="ABC-1"' in page


def test_starting_again_forgets_the_preview_answers(manager: Client) -> None:
    manager.post(
        editor_url("preview", PARKING, "residence", query="?lang=fi"),
        {"action": "continue", "lives_in_zone": "no"},
    )
    response = manager.post(editor_url("preview_restart", PARKING, query="?lang=fi"))
    assert response["Location"] == editor_url("preview", PARKING, "applicant", query="?lang=fi")
    end = manager.get(editor_url("preview_end", PARKING, query="?lang=fi")).content.decode()
    assert "Et voi hakea" not in end
