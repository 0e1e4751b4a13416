"""A mandate for some of a company's services opens exactly those services' things in its folder;
a role (the CEO) opens all of it. Everything else of the company is a 404 to the mandate holder,
for reading and for changing alike."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from asiointi.attachments.models import Attachment
from asiointi.eforms.selectors import definition_of
from asiointi.folder.models import DataExport, FolderItem, Message
from asiointi.organisations.tests.company_things import (
    IN_MANDATE,
    JONI,
    OUTSIDE_MANDATE,
    Company,
    Things,
    acting_client,
    company_with_things,
    path,
    person,
)
from asiointi.organisations.tests.support import TESSA
from asiointi.submissions.models import Draft, Submission

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("clamd")]


@pytest.fixture
def tessa(portal: str) -> Client:
    """Tessa, acting for the company with mandates for two of its services only."""
    return acting_client(portal, TESSA)


@pytest.fixture
def joni(portal: str) -> Client:
    """Joni, the company's CEO."""
    return acting_client(portal, JONI)


@pytest.fixture
def company(tessa: Client, joni: Client) -> Company:
    return company_with_things()


def _first_page(draft: Draft) -> str:
    return definition_of(draft.version).pages[0].key


def readable(things: Things) -> dict[str, str]:
    """Every address that shows one of the things, by what it is."""
    assert things.draft and things.submission and things.thread and things.decision
    draft, submission = things.draft.pk, things.submission.pk
    files = (things.draft_file, things.submission_file, things.reply_file)
    return {
        "draft": path("submissions:draft_resume", pk=draft),
        "draft page": path("submissions:draft_page", pk=draft, page_key=_first_page(things.draft)),
        "draft check": path("submissions:draft_check", pk=draft),
        "draft saved": path("submissions:draft_saved", pk=draft),
        "submission": path("submissions:detail", pk=submission),
        "confirmation": path("submissions:confirmation", pk=submission),
        "pdf": path("submissions:pdf", pk=submission),
        "thread": path("folder:thread", pk=things.thread.pk),
        "decision": path("folder:message_document", pk=things.decision.pk),
        **{f"file {n}": path("attachments:download", pk=f.pk) for n, f in enumerate(files) if f},
    }


def customer_wide(company: Company) -> dict[str, str]:
    assert company.export is not None
    return {
        "my data": path("folder:my_data"),
        "export json": path("folder:my_data_file", pk=company.export.pk, fmt="json"),
        "export html": path("folder:my_data_file", pk=company.export.pk, fmt="html"),
        "preferences": path("folder:preferences"),
        "contact details": path("organisations:register"),
    }


def answers(client: Client, urls: dict[str, str]) -> dict[str, int]:
    return {what: client.get(url).status_code for what, url in urls.items()}


def test_a_mandate_holder_opens_the_things_of_the_mandates_services(
    tessa: Client, company: Company
) -> None:
    got = answers(tessa, readable(company.by_service[IN_MANDATE]))
    assert got.pop("draft") == 302  # on to the page where the draft was left
    assert set(got.values()) == {200}, got


def test_everything_else_of_the_company_is_404_to_a_mandate_holder(
    tessa: Client, company: Company
) -> None:
    urls = {
        **readable(company.by_service[OUTSIDE_MANDATE]),
        "thread of no service": path("folder:thread", pk=company.general.thread.pk),  # type: ignore[union-attr]
        "its decision": path("folder:message_document", pk=company.general.decision.pk),  # type: ignore[union-attr]
        **customer_wide(company),
    }
    got = answers(tessa, urls)
    assert set(got.values()) == {404}, got


def test_the_ceo_opens_everything_of_the_company(joni: Client, company: Company) -> None:
    urls = {
        **readable(company.by_service[IN_MANDATE]),
        **readable(company.by_service[OUTSIDE_MANDATE]),
        "thread of no service": path("folder:thread", pk=company.general.thread.pk),  # type: ignore[union-attr]
        "its decision": path("folder:message_document", pk=company.general.decision.pk),  # type: ignore[union-attr]
        **customer_wide(company),
    }
    got = answers(joni, urls)
    assert got.pop("draft") == 302
    assert set(got.values()) == {200}, got


def _changes(things: Things) -> dict[str, tuple[str, dict[str, Any], Callable[[], bool]]]:
    """What pressing each button of the thing would change, and how to tell it did."""
    draft, submission, thread = things.draft, things.submission, things.thread
    assert draft and submission and thread
    saved_at = draft.updated_at
    replies = thread.messages.count()
    return {
        "draft page": (
            path("submissions:draft_page", pk=draft.pk, page_key=_first_page(draft)),
            {"action": "save"},
            lambda: Draft.objects.get(pk=draft.pk).updated_at != saved_at,
        ),
        "send": (
            path("submissions:draft_check", pk=draft.pk),
            {},
            lambda: Submission.objects.filter(draft_key=draft.pk).exists(),
        ),
        "delete draft": (
            path("submissions:draft_delete", pk=draft.pk),
            {},
            lambda: not Draft.objects.filter(pk=draft.pk).exists(),
        ),
        "reply": (
            path("folder:thread", pk=thread.pk),
            {"body": "Tilinumero vaihtuu."},
            lambda: thread.messages.count() != replies,
        ),
    }


def test_a_mandate_holders_presses_on_another_services_things_are_404_and_change_nothing(
    tessa: Client, company: Company
) -> None:
    exports = DataExport.objects.count()
    for what, (url, data, changed) in _changes(company.by_service[OUTSIDE_MANDATE]).items():
        assert tessa.post(url, data).status_code == 404, what
        assert not changed(), what
    assert tessa.post(path("folder:my_data_request")).status_code == 404
    assert tessa.post(path("folder:preferences"), {"channel": "sms"}).status_code == 404
    assert DataExport.objects.count() == exports


def test_a_mandate_holder_saves_and_answers_within_the_mandate(
    tessa: Client, company: Company
) -> None:
    things = company.by_service[IN_MANDATE]
    assert things.draft is not None
    page = path("submissions:draft_page", pk=things.draft.pk, page_key="traffic")
    saved = tessa.post(page, {"action": "save", "affects_traffic": "no"})
    assert saved.status_code == 302
    assert saved["Location"] == path("submissions:draft_saved", pk=things.draft.pk)
    url, data, changed = _changes(things)["reply"]
    assert tessa.post(url, data).status_code == 302
    assert changed()


def test_the_folder_lists_only_what_the_mandate_holder_may_open(
    tessa: Client, joni: Client, company: Company
) -> None:
    Message.objects.update(read_at=None)  # every decision and thread needs attention
    mine = company.by_service[IN_MANDATE]
    theirs = company.by_service[OUTSIDE_MANDATE]
    page = tessa.get(path("folder:index"))
    folder = page.context["folder"]
    listed = {(item.kind, item.key) for item in folder.page.object_list}
    assert listed == {
        ("draft", str(mine.draft.pk)),  # type: ignore[union-attr]
        ("submission", str(mine.submission.pk)),  # type: ignore[union-attr]
        ("message", str(mine.thread.pk)),  # type: ignore[union-attr]
        ("decision", str(mine.decision.pk)),  # type: ignore[union-attr]
    }
    assert {(i.kind, i.key) for i in folder.needs_action} <= listed
    assert sum(folder.needs_action_counts.values()) == len(folder.needs_action)
    text = page.content.decode()
    assert theirs.submission.reference not in text  # type: ignore[union-attr]
    assert "Yleinen tiedote" not in text
    # Nor is anything else of it found by filtering or searching.
    for query in ({"kind": "submission"}, {"q": theirs.submission.reference}):  # type: ignore[union-attr]
        found = tessa.get(path("folder:index"), query).context["folder"].page.object_list
        assert {item.key for item in found} <= {key for _kind, key in listed}
    # The CEO's folder holds all of it.
    everything = joni.get(path("folder:index")).context["folder"].page.object_list
    assert len(everything) == FolderItem.objects.filter(customer=company.customer).count()


def test_the_folder_offers_no_customer_wide_pages_to_a_mandate_holder(
    tessa: Client, joni: Client, company: Company
) -> None:
    mine = tessa.get(path("folder:index")).content.decode()
    ceo = joni.get(path("folder:index")).content.decode()
    for url in (path("folder:my_data"), path("folder:preferences")):
        assert f'href="{url}"' not in mine
        assert f'href="{url}"' in ceo
    note = "kansiossa näkyvät vain niiden asiat"
    assert note in mine and note not in ceo


def test_starting_a_form_outside_the_mandate_is_refused_with_the_page_that_explains(
    tessa: Client, company: Company
) -> None:
    drafts = Draft.objects.count()
    response = tessa.post(path("eforms:start", slug=OUTSIDE_MANDATE), follow=True)
    assert response.status_code == 403
    assert "ei ole valtuutusta tähän palveluun" in response.content.decode()
    assert Draft.objects.count() == drafts
    assert tessa.post(path("eforms:start", slug=IN_MANDATE)).status_code == 302
    assert Draft.objects.count() == drafts + 1


def test_a_file_just_uploaded_is_seen_only_by_the_person_who_uploaded_it(
    tessa: Client, joni: Client, company: Company
) -> None:
    held = company.by_service[IN_MANDATE].submission_file
    assert held is not None
    unheld = {
        key: Attachment.objects.create(
            customer=company.customer,
            person=person(key),
            file=held.file.name,
            original_name=f"{key}.pdf",
            media_type="application/pdf",
            size=held.size,
            sha256=held.sha256,
        )
        for key in (TESSA, JONI)
    }
    own, colleagues = (path("attachments:download", pk=unheld[key].pk) for key in (TESSA, JONI))
    assert tessa.get(own).status_code == 200
    assert tessa.get(colleagues).status_code == 404
    assert joni.get(own).status_code == 200  # the CEO sees every file of the company
