"""Presses at the same moment, each request on its own PostgreSQL connection: a double click on
"Publish" makes one version; two managers changing the form at once both keep their change."""

import pytest
from django.db import connection

from asiointi.backoffice.tests.test_admin_login_concurrency import race
from asiointi.eforms.models import FormVersion
from asiointi.formeditor.models import FormDraft
from asiointi.formeditor.tests.support import PARKING, editor_url, manager_client, opened

pytestmark = pytest.mark.usefixtures("demo_forms")


@pytest.fixture(autouse=True)
def _postgresql_only(transactional_db: None) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("races need PostgreSQL: set DATABASE_URL=postgres://… (CI does)")


def test_opening_the_editor_twice_at_once_makes_one_draft() -> None:
    managers = [manager_client("anna"), manager_client("bertta"), manager_client("cecilia")]
    answers = race(*(lambda c=c: c.post(editor_url("open", PARKING)).status_code for c in managers))
    assert answers == [302, 302, 302]
    assert FormDraft.objects.filter(service__slug=PARKING).count() == 1


def test_publish_pressed_three_times_at_once_makes_one_new_version() -> None:
    manager = manager_client()
    opened(manager)
    manager.post(
        editor_url("page", PARKING, "vehicle"),
        {"title_fi": "Auto", "title_sv": "Bil", "title_en": "Car"},
    )
    others = [manager_client("bertta"), manager_client("cecilia")]
    answers = race(
        *(
            lambda c=c: c.post(editor_url("publish", PARKING)).status_code
            for c in [manager, *others]
        )
    )
    assert answers == [302, 302, 302]
    numbers = FormVersion.objects.filter(form__service__slug=PARKING).values_list(
        "number", flat=True
    )
    assert sorted(numbers) == [1, 2]


def test_two_managers_adding_pages_at_once_both_keep_their_page() -> None:
    first, second = manager_client("anna"), manager_client("bertta")
    opened(first)
    answers = race(
        lambda: first.post(editor_url("page_add", PARKING), {"key": "first"}).status_code,
        lambda: second.post(editor_url("page_add", PARKING), {"key": "second"}).status_code,
    )
    assert answers == [302, 302]
    keys = [page["key"] for page in FormDraft.objects.get(service__slug=PARKING).document["pages"]]
    assert {"first", "second"} <= set(keys)
