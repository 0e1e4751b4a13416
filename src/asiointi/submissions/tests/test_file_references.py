"""A draft holds only files its own customer uploaded for it: a posted file id of another
customer, or of a file a sent submission holds, is never stored, on any kind of page."""

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation

from asiointi.attachments.models import Attachment
from asiointi.catalogue.models import Service
from asiointi.eforms.definition import DefinitionError, parse
from asiointi.eforms.models import FormVersion
from asiointi.eforms.schema import schema_build
from asiointi.eforms.services import form_define, form_publish
from asiointi.eforms.tests.documents import T, document, page, question
from asiointi.submissions.models import Draft, Submission
from asiointi.submissions.services import draft_answers
from asiointi.submissions.tests.support import start, url

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
FILES = question("docs", "file", settings={"media_types": ["application/pdf"]})
WITH_FILES = document(page("files", FILES, question("note", "text", required=False)))
REPEATING = {"min": 1, "max": 3, "item_label": T, "add_label": T}
FILES_ON_REPEATING_PAGE = document(page("kids", question("kid", "text"), FILES, repeat=REPEATING))
SERVICE = "ilmoitus-tai-palaute"


@pytest.fixture
def service(demo_forms: None) -> Service:
    return Service.objects.get(slug=SERVICE)


def post(client: Client, draft: Draft, page_key: str, data: dict[str, Any]) -> Any:
    return client.post(
        url("submissions:draft_page", draft.pk, page_key), {"action": "continue", **data}
    )


def upload_own_file(client: Client) -> tuple[Draft, Attachment]:
    """Through the portal's pages: a draft of the file form, a PDF attached and saved."""
    draft = start(client, SERVICE)
    response = post(client, draft, "files", {"docs": SimpleUploadedFile("oma.pdf", PDF)})
    assert response.status_code == 302, response.content.decode()[:3000]
    return draft, Attachment.objects.latest("created_at")


def verified(attachment: Attachment) -> str:
    return json.dumps(
        [
            {
                "id": str(attachment.pk),
                "name": attachment.original_name,
                "size": attachment.size,
                "media_type": attachment.media_type,
            }
        ]
    )


def test_another_customers_file_id_posted_on_a_page_is_not_stored(
    service: Service, tessa_client: Client, stranger_client: Client, clamd: str
) -> None:
    form_publish(form=form_define(service=service, document=WITH_FILES))
    their_draft, theirs = upload_own_file(stranger_client)
    mine = start(tessa_client, SERVICE)
    response = post(
        tessa_client,
        mine,
        "files",
        {"docs-keep": str(theirs.pk), "docs-verified-files": verified(theirs), "note": "x"},
    )
    assert response.status_code == 200  # the file question is still unanswered
    assert "Lisää tiedosto." in response.content.decode()
    assert "docs" not in draft_answers(Draft.objects.get(pk=mine.pk))
    theirs.refresh_from_db()
    assert theirs.holder == f"draft:{their_draft.pk}"


def test_another_customers_file_id_posted_on_a_repeating_page_is_not_stored(
    service: Service, tessa_client: Client, stranger_client: Client, clamd: str
) -> None:
    form_publish(form=form_define(service=service, document=WITH_FILES))
    _their_draft, theirs = upload_own_file(stranger_client)
    # A version published before such pages were refused at publishing.
    form = form_define(service=service, document=FILES_ON_REPEATING_PAGE)
    FormVersion.objects.create(
        form=form,
        number=form.versions.count() + 1,
        document=FILES_ON_REPEATING_PAGE,
        schema=schema_build(parse(FILES_ON_REPEATING_PAGE), schema_id="x"),
    )
    mine = start(tessa_client, SERVICE)
    post(
        tessa_client,
        mine,
        "kids",
        {"kids-count": "1", "kids-0-kid": "Aino", "kids-0-docs-verified-files": verified(theirs)},
    )
    stored = json.dumps(draft_answers(Draft.objects.get(pk=mine.pk)))
    assert str(theirs.pk) not in stored


def test_a_file_a_sent_submission_holds_cannot_be_taken_into_a_new_draft(
    service: Service, tessa_client: Client, clamd: str
) -> None:
    form_publish(form=form_define(service=service, document=WITH_FILES))
    draft, own = upload_own_file(tessa_client)
    response = tessa_client.post(url("submissions:draft_check", draft.pk))
    assert response.status_code == 302, response.content.decode()[:3000]
    submission = Submission.objects.get()
    own.refresh_from_db()
    assert own.holder == f"submission:{submission.pk}"

    second = start(tessa_client, SERVICE)
    post(tessa_client, second, "files", {"docs-keep": str(own.pk)})
    assert "docs" not in draft_answers(Draft.objects.get(pk=second.pk))
    own.refresh_from_db()
    assert own.holder == f"submission:{submission.pk}"


def test_the_drafts_own_files_stay_through_an_error_and_when_the_page_is_saved_again(
    service: Service, tessa_client: Client, clamd: str
) -> None:
    form_publish(form=form_define(service=service, document=WITH_FILES))
    draft = start(tessa_client, SERVICE)
    refused = post(
        tessa_client,
        draft,
        "files",
        {"docs": SimpleUploadedFile("a.pdf", PDF), "note": "\x00"},
    )
    assert refused.status_code == 200
    unheld = Attachment.objects.get()
    assert unheld.holder == ""
    post(tessa_client, draft, "files", {"docs-keep": str(unheld.pk), "note": "ok"})
    post(tessa_client, draft, "files", {"docs-keep": str(unheld.pk), "note": "again"})
    answers = draft_answers(Draft.objects.get(pk=draft.pk))
    assert [item["id"] for item in answers["docs"]] == [str(unheld.pk)]
    unheld.refresh_from_db()
    assert unheld.holder == f"draft:{draft.pk}"


def test_a_file_question_on_a_repeating_page_is_refused_at_publishing(service: Service) -> None:
    form = form_define(service=service, document=FILES_ON_REPEATING_PAGE)
    before = form.versions.count()
    with translation.override("en"), pytest.raises(DefinitionError) as refused:
        form_publish(form=form)
    assert "Question docs: a file question cannot be on a repeating page." in str(refused.value)
    assert form.versions.count() == before


def test_a_file_stays_held_while_other_pages_are_saved_and_goes_when_taken_off_its_page(
    service: Service, tessa_client: Client, clamd: str
) -> None:
    optional = {**FILES, "required": False}
    files = page("files", optional, question("note", "text", required=False))
    more = page("more", question("story", "text"))
    form_publish(form=form_define(service=service, document=document(files, more)))
    draft, own = upload_own_file(tessa_client)
    assert post(tessa_client, draft, "more", {"story": "x"}).status_code == 302
    own.refresh_from_db()
    assert own.holder == f"draft:{draft.pk}"
    post(tessa_client, draft, "files", {"note": "without the file"})
    own.refresh_from_db()
    assert own.holder == ""
