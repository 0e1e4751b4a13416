"""Each item of the folder says until when it is kept, in the page's language."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from asiointi.customers.tests.holdings import Holdings
from asiointi.folder.models import FolderItem

pytestmark = pytest.mark.django_db


def test_a_sent_form_is_kept_until_its_date(holdings: Holdings) -> None:
    item = FolderItem.objects.get(kind="submission")
    assert item.kept_until == holdings.submission.delete_after


@pytest.mark.parametrize(
    ("language", "line"),
    [("fi", "Säilytetään 5.12.2027 asti"), ("sv", "Sparas till och med"), ("en", "Kept until")],
)
def test_every_item_shows_until_when_it_is_kept(
    holdings: Holdings,
    language: str,
    line: str,
) -> None:
    FolderItem.objects.filter(kind="submission").update(kept_until=date(2027, 12, 5))
    with translation.override(language):
        page = holdings.client.get(reverse("folder:index")).content.decode()
    assert line in page
    assert page.count("folder-item__kept") == FolderItem.objects.exclude(kept_until=None).count()
