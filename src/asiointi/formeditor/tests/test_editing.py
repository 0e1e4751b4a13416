"""A manager builds and changes a form page by page, each change one form post."""

from typing import Any

import pytest
from django.test import Client

from asiointi.eforms.models import FormVersion
from asiointi.formeditor.models import FormDraft
from asiointi.formeditor.question_forms import TYPE_NAMES
from asiointi.formeditor.tests.support import PARKING, editor_url, manager_client, opened

EMPTY_SERVICE = "kaivulupailmoitus"


@pytest.fixture
def manager(demo_forms: None) -> Client:
    client = manager_client()
    opened(client)
    return client


def _document() -> dict:
    return FormDraft.objects.get(service__slug=PARKING).document


def _page_keys() -> list[str]:
    return [page["key"] for page in _document()["pages"]]


def test_a_demo_form_opens_as_its_published_version(manager: Client) -> None:
    published = FormVersion.objects.filter(form__service__slug=PARKING).latest("number")
    assert _document() == published.document
    page = manager.get(editor_url("overview", PARKING)).content.decode()
    assert "Hakijan tiedot" in page and "Ajoneuvo" in page


def test_pages_are_added_renamed_moved_and_deleted_after_asking(manager: Client) -> None:
    response = manager.post(
        editor_url("page_add", PARKING),
        {"key": "extra", "title_fi": "Lisätiedot", "title_sv": "Tilläggsuppgifter"},
    )
    assert response.status_code == 302
    assert _page_keys()[-1] == "extra"
    overview = manager.get(editor_url("overview", PARKING)).content.decode()
    assert "Puuttuu: englanniksi" in overview

    manager.post(editor_url("page", PARKING, "extra"), {"title_fi": "Muuta", "title_en": "Other"})
    assert _document()["pages"][-1]["title"] == {"fi": "Muuta", "en": "Other"}

    manager.post(editor_url("page_move", PARKING, "extra"), {"direction": "up"})
    assert _page_keys()[-2:] == ["extra", "confirm"]
    manager.post(editor_url("page_move", PARKING, "applicant"), {"direction": "up"})
    assert _page_keys()[0] == "applicant"  # the first stays first

    asking = manager.get(editor_url("page_delete", PARKING, "extra")).content.decode()
    assert "Poistetaanko sivu" in asking
    assert "extra" in _page_keys()
    manager.post(editor_url("page_delete", PARKING, "extra"))
    assert "extra" not in _page_keys()


def test_a_key_used_already_is_refused_with_what_was_typed_kept(manager: Client) -> None:
    response = manager.post(
        editor_url("page_add", PARKING), {"key": "vehicle", "title_fi": "Toinen ajoneuvo"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Toisella sivulla tai kysymyksellä on jo tämä tunnus." in page
    assert 'value="Toinen ajoneuvo"' in page


QUESTION_DATA: dict[str, dict[str, Any]] = {
    "text": {"max_length": "20", "autocomplete": "off"},
    "textarea": {"max_length": "500"},
    "number": {"integer": "on", "min": "0", "max": "9", "unit_fi": "kpl", "unit_sv": "st"},
    "date": {"when": "past"},
    "choice": {"options": "a | A fi | A sv | A en\nb | B fi | B sv | B en"},
    "choices": {"options": "a | A fi | A sv | A en\nb | B fi | B sv | B en"},
    "file": {"media_types": ["application/pdf"], "max_mb": "5", "max_count": "2"},
    "email": {"prefill": "email", "editable": "on"},
}


@pytest.mark.parametrize("kind", list(TYPE_NAMES))
def test_a_question_of_every_type_is_added_with_its_settings(manager: Client, kind: str) -> None:
    form_page = manager.get(editor_url("question_add", PARKING, "vehicle", query=f"?type={kind}"))
    assert form_page.status_code == 200
    data = {
        "key": f"new_{kind}",
        "label_fi": "Kysymys",
        "label_sv": "Fråga",
        "label_en": "Question",
        "required": "on",
        **QUESTION_DATA.get(kind, {}),
    }
    response = manager.post(
        editor_url("question_add", PARKING, "vehicle", query=f"?type={kind}"), data
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    question = _document()["pages"][2]["questions"][-1]
    assert question["key"] == f"new_{kind}" and question["type"] == kind
    assert question["label"] == {"fi": "Kysymys", "sv": "Fråga", "en": "Question"}
    if kind == "number":
        assert question["settings"] == {
            "integer": True,
            "min": 0,
            "max": 9,
            "unit": {"fi": "kpl", "sv": "st"},
        }
    if kind == "choice":
        assert question["options"][1] == {
            "value": "b",
            "label": {"fi": "B fi", "sv": "B sv", "en": "B en"},
        }
    if kind == "file":
        assert question["settings"] == {
            "media_types": ["application/pdf"],
            "max_mb": 5,
            "max_count": 2,
        }
    if kind == "email":
        assert question["prefill"] == "email" and question["editable"] is True
    edit = manager.get(editor_url("question", PARKING, "vehicle", f"new_{kind}"))
    assert edit.status_code == 200
    assert "Puuttuu" not in edit.content.decode().split("Kysymys", 1)[1][:400]


def test_questions_are_changed_moved_and_deleted(manager: Client) -> None:
    response = manager.post(
        editor_url("question", PARKING, "vehicle", "registration"),
        {"label_fi": "Rekisterinumero", "label_sv": "Regnummer", "max_length": "8"},
    )
    assert response.status_code == 302
    question = _document()["pages"][2]["questions"][0]
    assert question["label"] == {"fi": "Rekisterinumero", "sv": "Regnummer"}
    assert question["settings"] == {"max_length": 8}
    assert question["required"] is False  # the box was not ticked

    manager.post(
        editor_url("question_move", PARKING, "vehicle", "registration"), {"direction": "down"}
    )
    keys = [q["key"] for q in _document()["pages"][2]["questions"]]
    assert keys == ["holding", "registration", "emissions"]
    manager.post(editor_url("question_delete", PARKING, "vehicle", "emissions"))
    assert [q["key"] for q in _document()["pages"][2]["questions"]] == ["holding", "registration"]


def test_options_without_a_value_are_refused_with_the_text_kept(manager: Client) -> None:
    response = manager.post(
        editor_url("question", PARKING, "vehicle", "holding"),
        {"label_fi": "Suhde", "options": "owner | Omistaja\n | Ilman arvoa"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Rivillä 2 ei ole arvoa" in page and "Ilman arvoa" in page


def test_a_condition_and_a_route_are_set_on_pages(manager: Client) -> None:
    response = manager.post(
        editor_url("page", PARKING, "vehicle"),
        {"title_fi": "Ajoneuvo", "show_if_question": "lives_in_zone", "show_if_values": "yes"},
    )
    assert response.status_code == 302
    assert _document()["pages"][2]["show_if"] == {"question": "lives_in_zone", "equals": True}

    wrong = manager.post(
        editor_url("route_add", PARKING, "vehicle"),
        {"question": "holding", "values": "stolen", "goto": "end"},
    )
    assert wrong.status_code == 400
    assert "owner, leased, employer" in wrong.content.decode()
    manager.post(
        editor_url("route_add", PARKING, "vehicle"),
        {"question": "holding", "values": "employer, leased", "goto": "exit:not_eligible"},
    )
    assert _document()["pages"][2]["routes"] == [
        {
            "if": {"question": "holding", "one_of": ["employer", "leased"]},
            "goto": "exit:not_eligible",
        }
    ]
    manager.post(editor_url("route_delete", PARKING, "vehicle", 0))
    assert "routes" not in _document()["pages"][2]


def test_a_repeating_page_and_the_forms_texts_are_set(manager: Client) -> None:
    manager.post(
        editor_url("page", PARKING, "vehicle"),
        {
            "title_fi": "Ajoneuvot",
            "repeat": "on",
            "repeat_min": "1",
            "repeat_max": "3",
            "item_label_fi": "Ajoneuvo",
            "add_label_fi": "Lisää ajoneuvo",
        },
    )
    assert _document()["pages"][2]["repeat"] == {
        "min": 1,
        "max": 3,
        "item_label": {"fi": "Ajoneuvo"},
        "add_label": {"fi": "Lisää ajoneuvo"},
    }
    manager.post(
        editor_url("texts", PARKING),
        {"title_fi": "Hakemus", "next_steps_fi": "Odota.", "draft_retention_days": "14"},
    )
    document = _document()
    assert document["title"] == {"fi": "Hakemus"} and document["next_steps"] == {"fi": "Odota."}
    assert "declaration" not in document and document["draft_retention_days"] == 14


def test_a_service_without_a_form_opens_as_an_empty_form(demo_forms: None) -> None:
    from asiointi.catalogue.models import Service

    # Every demo form service has its form, so a new service of the parking permit's agency.
    agency = Service.objects.get(slug=PARKING).agency
    service = Service.objects.create(
        slug="uusi-lupa", name="Uusi lupa", agency=agency, kind=Service.Kind.FORM
    )
    client = manager_client("uusi", service.agency.slug)
    opened(client, service.slug)
    document = FormDraft.objects.get(service=service).document
    assert document["pages"] == [] and document["title"]["fi"]


def test_settings_the_editor_does_not_show_are_kept_on_saving(manager: Client) -> None:
    from asiointi.formeditor.services import draft_change

    def with_part_autofill(document: dict) -> dict:
        document["pages"][0]["questions"][0]["settings"] = {"autocomplete_given": "off"}
        return document

    draft = FormDraft.objects.get(service__slug=PARKING)
    draft_change(draft=draft, change=with_part_autofill, user=None)
    manager.post(
        editor_url("question", PARKING, "applicant", "name"),
        {"label_fi": "Nimi", "label_sv": "Namn", "label_en": "Name", "prefill": "name"},
    )
    assert _document()["pages"][0]["questions"][0]["settings"] == {"autocomplete_given": "off"}
