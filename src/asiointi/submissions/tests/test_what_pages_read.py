"""A form's pages read what they show and no more: the definition and schema once per process,
never the service's descriptions, the draft's files only on a page that asks for files."""

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from asiointi.submissions.models import Draft, Submission
from asiointi.submissions.tests.support import PARKING_ANSWERS, answer, fill_parking, start, url

pytestmark = pytest.mark.usefixtures("demo_forms")


def _sql(queries: CaptureQueriesContext) -> str:
    return "\n".join(query["sql"] for query in queries.captured_queries)


def test_start_leads_straight_to_the_first_page(tessa_client: Client) -> None:
    response = tessa_client.post(url("eforms:start", "asukaspysakointitunnus"))
    draft = Draft.objects.get()
    assert response.headers["Location"] == url("submissions:draft_page", draft.pk, "applicant")


def test_a_draft_page_reads_neither_the_definition_again_nor_the_service_description(
    tessa_client: Client,
) -> None:
    draft = start(tessa_client, "asukaspysakointitunnus")
    page = url("submissions:draft_page", draft.pk, "applicant")
    check = url("submissions:draft_check", draft.pk)
    assert tessa_client.get(page).status_code == 200
    assert tessa_client.get(check).status_code == 200  # the definition and schema now known
    with CaptureQueriesContext(connection) as queries:
        assert tessa_client.get(page).status_code == 200
        assert answer(tessa_client, draft, "applicant", PARKING_ANSWERS["applicant"]).status_code
        assert tessa_client.get(check).status_code == 200
    sql = _sql(queries)
    assert '"eforms_formversion"."document"' not in sql
    assert '"eforms_formversion"."schema"' not in sql
    assert "description" not in sql


def test_a_page_without_file_questions_leaves_the_drafts_files_as_they_are(
    tessa_client: Client,
) -> None:
    draft = start(tessa_client, "asukaspysakointitunnus")
    with CaptureQueriesContext(connection) as queries:
        response = answer(tessa_client, draft, "applicant", PARKING_ANSWERS["applicant"])
    assert response.status_code == 302
    assert "attachments_attachment" not in _sql(queries)


def test_sending_reads_the_persons_row_only_to_know_who_is_logged_in(
    tessa_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    draft = fill_parking(tessa_client)
    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = tessa_client.post(url("submissions:draft_check", draft.pk))
    assert response.status_code == 302
    reads = [q["sql"] for q in queries.captured_queries if 'FROM "identity_user"' in q["sql"]]
    assert len(reads) == 1, reads
    # Delivery reads the service and the form version once, with the submission.
    assert len([q for q in queries.captured_queries if 'FROM "catalogue_service"' in q["sql"]]) == 0


def test_a_sent_forms_pages_show_the_agencys_contacts_without_reading_descriptions(
    tessa_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    draft = fill_parking(tessa_client)
    with django_capture_on_commit_callbacks(execute=True):
        tessa_client.post(url("submissions:draft_check", draft.pk))
    submission = Submission.objects.select_related("service__agency").get()
    pages = [
        url("submissions:confirmation", submission.pk),
        url("submissions:detail", submission.pk),
    ]
    tessa_client.get(pages[0])
    with CaptureQueriesContext(connection) as queries:
        shown = [tessa_client.get(page) for page in pages]
    for response in shown:
        html = response.content.decode()
        assert response.status_code == 200
        assert submission.reference in html
        assert str(submission.service.agency.name) in html
        assert submission.service.contact_phone in html
    sql = _sql(queries)
    assert "description" not in sql and '"eforms_formversion"."document"' not in sql
    # Each: the person, the customer, the form with its service, its history, the receipts.
    read = [q for q in queries.captured_queries if "django_session" not in q["sql"]]
    assert len(read) == 2 * 5, sql
