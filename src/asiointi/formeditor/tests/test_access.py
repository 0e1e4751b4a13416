"""Only a service manager of the owning agency, or a platform administrator, opens the editor."""

import pytest
from django.test import Client

from asiointi.backoffice.tests.fixtures import log_in_verified, superuser_with_totp
from asiointi.formeditor.tests.support import (
    PARKING,
    clerk_client,
    editor_url,
    manager_client,
    opened,
    other_manager_client,
)

PAGES: list[tuple[str, tuple[object, ...]]] = [
    ("overview", ()),
    ("texts", ()),
    ("page_add", ()),
    ("page", ("vehicle",)),
    ("page_delete", ("vehicle",)),
    ("question_add", ("vehicle",)),
    ("question", ("vehicle", "registration")),
    ("question_delete", ("vehicle", "registration")),
    ("exit", ("not_eligible",)),
    ("exit_add", ()),
    ("preview", ("vehicle",)),
    ("preview_end", ()),
    ("publish", ()),
    ("versions", ()),
    ("export", ()),
    ("import", ()),
]
POSTS: list[tuple[str, tuple[object, ...]]] = [
    ("open", ()),
    ("page_move", ("vehicle",)),
    ("question_move", ("vehicle", "registration")),
    ("route_add", ("vehicle",)),
    ("route_delete", ("residence", 0)),
    ("exit_delete", ("not_eligible",)),
    ("preview_restart", ()),
]


@pytest.fixture
def parking_draft(demo_forms: None) -> Client:
    manager = manager_client()
    opened(manager)
    return manager


@pytest.mark.parametrize(("name", "args"), PAGES)
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_manager_of_the_owning_agency_opens_every_page(
    parking_draft: Client, name: str, args: tuple[object, ...], language: str
) -> None:
    response = parking_draft.get(editor_url(name, PARKING, *args, language=language))
    assert response.status_code == 200, response.content.decode()[:2000]


def test_a_platform_administrator_opens_the_editor(parking_draft: Client) -> None:
    admin = log_in_verified(Client(), *superuser_with_totp())
    assert admin.get(editor_url("overview", PARKING)).status_code == 200
    assert PARKING.encode() in admin.get(editor_url("index")).content


@pytest.mark.parametrize(("name", "args"), PAGES + POSTS)
def test_a_clerk_and_another_agencys_manager_get_404(
    parking_draft: Client, name: str, args: tuple[object, ...]
) -> None:
    address = editor_url(name, PARKING, *args)
    for client in (clerk_client(), other_manager_client()):
        response = client.get(address) if (name, args) in PAGES else client.post(address)
        assert response.status_code == 404


@pytest.mark.parametrize(("name", "args"), PAGES[:3] + POSTS[:2])
def test_residents_and_anonymous_visitors_are_sent_to_the_staff_login(
    parking_draft: Client, tessa_client: Client, name: str, args: tuple[object, ...]
) -> None:
    address = editor_url(name, PARKING, *args)
    for client in (tessa_client, Client()):
        response = client.get(address) if (name, args) in PAGES else client.post(address)
        assert response.status_code == 302
        assert response["Location"].startswith("/fi/virkailija/kirjaudu/")


def test_the_list_shows_only_the_services_a_person_manages(parking_draft: Client) -> None:
    assert PARKING.encode() in parking_draft.get(editor_url("index")).content
    assert PARKING.encode() not in other_manager_client().get(editor_url("index")).content
    assert PARKING.encode() not in clerk_client().get(editor_url("index")).content


def test_the_back_office_menu_leads_a_manager_and_no_clerk_to_the_forms(demo_forms: None) -> None:
    from asiointi.backoffice.tests.support import OWNING_AGENCY, url

    link = f'href="{editor_url("index")}"'
    inbox = url("backoffice:inbox", OWNING_AGENCY)
    assert link in manager_client().get(inbox).content.decode()
    assert link not in clerk_client().get(inbox).content.decode()
