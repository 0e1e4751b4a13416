"""A long inbox: counted up to a limit, every page as cheap as the first, newest first."""

import datetime
import uuid
from typing import Any

import pytest
from django.test import Client

from asiointi.backoffice import paging
from asiointi.backoffice.tests.support import send_parking, staff_client, url
from asiointi.submissions.models import Submission

pytestmark = pytest.mark.usefixtures("demo_forms")


@pytest.fixture
def five_cases(tessa_client: Client, django_capture_on_commit_callbacks: Any) -> list[str]:
    """Five cases of the agency, an hour apart; their references newest first."""
    sent = send_parking(tessa_client, django_capture_on_commit_callbacks)
    references = [sent.reference]
    for hours in range(1, 5):
        copy = Submission.objects.get(pk=sent.pk)
        copy.pk = uuid.uuid4()
        copy.draft_key = uuid.uuid4()
        copy.reference = f"{sent.reference[:-2]}{hours:02d}"
        copy.sent_at = sent.sent_at - datetime.timedelta(hours=hours)
        copy.save(force_insert=True)
        references.append(copy.reference)
    return references


@pytest.fixture
def small_pages(settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.BACKOFFICE_PAGE_SIZE = 2
    monkeypatch.setattr(paging, "COUNT_MAX", 3)


def _listed(page: str, references: list[str]) -> list[str]:
    return sorted((r for r in references if f">{r}</a>" in page), key=page.index)


@pytest.mark.usefixtures("small_pages")
def test_over_the_limit_the_inbox_says_so_and_lists_the_newest(five_cases: list[str]) -> None:
    clerk = staff_client("kaisa")
    first = clerk.get(url("backoffice:inbox", "kaupunkiymparisto")).content.decode()
    assert "Yli 3 asiaa" in first and "Sivu 1 / 2" in first
    assert _listed(first, five_cases) == five_cases[:2]

    last = clerk.get(url("backoffice:inbox", "kaupunkiymparisto") + "?page=2").content.decode()
    assert _listed(last, five_cases) == five_cases[2:3]
    # An address beyond the last page (an old bookmark) shows the last one.
    beyond = clerk.get(url("backoffice:inbox", "kaupunkiymparisto") + "?page=99")
    assert _listed(beyond.content.decode(), five_cases) == five_cases[2:3]


@pytest.mark.usefixtures("small_pages")
def test_within_the_limit_the_count_is_exact(five_cases: list[str]) -> None:
    Submission.objects.filter(reference__in=five_cases[3:]).delete()
    clerk = staff_client("kaisa")
    page = clerk.get(url("backoffice:inbox", "kaupunkiymparisto")).content.decode()
    assert "3 asiaa" in page and "Yli" not in page


@pytest.mark.usefixtures("small_pages")
def test_a_filter_counts_and_pages_its_own_cases(five_cases: list[str]) -> None:
    Submission.objects.filter(reference__in=five_cases[1:3]).update(status="in_process")
    clerk = staff_client("kaisa")
    address = url("backoffice:inbox", "kaupunkiymparisto") + "?status=in_progress"
    page = clerk.get(address).content.decode()
    assert "2 asiaa" in page and _listed(page, five_cases) == five_cases[1:3]
