"""Drafts: saved on every page, resumed where the person was, deleted after their retention."""

import datetime
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from asiointi.catalogue.models import Service
from asiointi.eforms.services import form_define, form_publish
from asiointi.eforms.tests.documents import document, page, question
from asiointi.folder.models import FolderItem
from asiointi.submissions.models import Draft
from asiointi.submissions.services import draft_answers
from asiointi.submissions.tests.support import PARKING_ANSWERS, answer, start, url

pytestmark = pytest.mark.usefixtures("demo_forms")


def test_each_page_is_saved_and_opening_the_draft_returns_to_where_the_person_was(
    tessa_client: Client,
) -> None:
    draft = start(tessa_client, "asukaspysakointitunnus")
    answer(tessa_client, draft, "applicant", PARKING_ANSWERS["applicant"])
    answer(tessa_client, draft, "residence", PARKING_ANSWERS["residence"])
    draft.refresh_from_db()
    assert draft_answers(draft)["lives_in_zone"] is True
    assert FolderItem.objects.get(kind="draft").get_absolute_url() == url(
        "submissions:draft_resume", draft.pk
    )
    resumed = tessa_client.get(url("submissions:draft_resume", draft.pk))
    assert resumed.headers["Location"] == url("submissions:draft_page", draft.pk, "residence")


def test_a_page_with_errors_keeps_what_was_typed_and_saves_nothing(tessa_client: Client) -> None:
    draft = start(tessa_client, "asukaspysakointitunnus")
    before = Draft.objects.get().answers_encrypted
    response = answer(
        tessa_client,
        draft,
        "applicant",
        {**PARKING_ANSWERS["applicant"], "address-postal_code": "1O0"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('value="1O0"') == 1 and "Virhe:" in page
    assert Draft.objects.get().answers_encrypted == before


def test_prefilled_register_details_cannot_be_changed_by_posting(tessa_client: Client) -> None:
    draft = start(tessa_client, "asukaspysakointitunnus")
    answer(
        tessa_client,
        draft,
        "applicant",
        {**PARKING_ANSWERS["applicant"], "name-given": "Mallory", "identity_code": "010594Y9032"},
    )
    answers = draft_answers(Draft.objects.get())
    assert answers["name"] == {"given": "Tessa", "family": "Testilä"}
    assert answers["identity_code"] == "010280-952L"


def test_expired_drafts_are_deleted_with_their_folder_entries(tessa_client: Client) -> None:
    start(tessa_client, "asukaspysakointitunnus")
    Draft.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    assert (
        tessa_client.get(url("submissions:draft_resume", Draft.objects.get().pk)).status_code == 404
    )
    call_command("retention_apply")
    assert not Draft.objects.exists() and not FolderItem.objects.filter(kind="draft").exists()


def test_save_and_continue_later_tells_how_long_the_draft_is_kept(tessa_client: Client) -> None:
    draft = start(tessa_client, "asukaspysakointitunnus")
    response = tessa_client.post(
        url("submissions:draft_page", draft.pk, "applicant"),
        {**PARKING_ANSWERS["applicant"], "action": "save"},
    )
    assert response.headers["Location"] == url("submissions:draft_saved", draft.pk)
    page = tessa_client.get(response.headers["Location"]).content.decode()
    expires = Draft.objects.get().expires_at
    assert timezone.localtime(expires).strftime("%-d.%-m.%Y") in page
    assert "kunnes lähetät sen tai se vanhenee" in page


# Session, person, customer, draft; the locked read of its answers, their write, the folder
# upsert; and the transaction's savepoint and its release. A form without file questions
# touches no attachments. Raise this only knowing what the new statement buys.
PAGE_POST_QUERIES = 9
# A form with file questions (the parking permit asks for a leasing certificate) also holds the
# draft's files on every save, so pruning leaves them: two updates in a savepoint of their own.
FILE_FORM_PAGE_POST_QUERIES = PAGE_POST_QUERIES + 3


def test_saving_a_page_takes_a_fixed_number_of_statements(
    tessa_client: Client, django_assert_max_num_queries: Any
) -> None:
    service = Service.objects.get(slug="asukaspysakointitunnus")
    no_files = document(
        page("applicant", question("name", "text")),
        page("residence", question("lives_in_zone", "yesno")),
    )
    form_publish(form=form_define(service=service, document=no_files))
    draft = start(tessa_client, "asukaspysakointitunnus")
    answer(tessa_client, draft, "applicant", {"name": "Tessa"})
    with django_assert_max_num_queries(PAGE_POST_QUERIES):
        response = answer(tessa_client, draft, "residence", PARKING_ANSWERS["residence"])
    assert response.status_code == 302
    assert "lives_in_zone" in draft_answers(Draft.objects.get())


def test_saving_a_page_of_a_form_with_files_takes_a_fixed_number_of_statements(
    tessa_client: Client, django_assert_max_num_queries: Any
) -> None:
    draft = start(tessa_client, "asukaspysakointitunnus")
    answer(tessa_client, draft, "applicant", PARKING_ANSWERS["applicant"])
    with django_assert_max_num_queries(FILE_FORM_PAGE_POST_QUERIES):
        response = answer(tessa_client, draft, "residence", PARKING_ANSWERS["residence"])
    assert response.status_code == 302
    assert "lives_in_zone" in draft_answers(Draft.objects.get())
