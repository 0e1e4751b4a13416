"""The case page lists what the customer was told about the case (kind, channel, masked address,
status, time), so a clerk sees when a receipt or a status notice could not be sent."""

import pytest
from django.utils import timezone

from asiointi.backoffice.tests.support import case_url, staff_client
from asiointi.notify.models import Notification
from asiointi.submissions.models import Submission

pytestmark = pytest.mark.usefixtures("demo_forms")


def _section(page: str) -> str:
    """The notifications' section only: the answers above it hold the e-mail address in full."""
    return page.split('id="notifications"')[1].split('id="thread"')[0]


def test_the_receipt_sent_to_the_customer_shows_with_a_masked_address(case: Submission) -> None:
    (receipt,) = Notification.objects.filter(about_kind="submission", about_key=str(case.pk))
    page = staff_client("kaisa").get(case_url("backoffice:case", case)).content.decode()
    section = _section(page)
    assert "Asiakkaalle lähetetyt ilmoitukset" in section
    assert receipt.recipient_masked in section and "tessa@example.fi" not in section
    assert "Sähköposti" in section and "Lähetetty" in section


def test_a_notice_that_could_not_be_sent_shows_as_failed(case: Submission) -> None:
    clerk = staff_client("kaisa")
    assert "Ei voitu lähettää" not in clerk.get(case_url("backoffice:case", case)).content.decode()
    Notification.objects.filter(about_kind="submission", about_key=str(case.pk)).update(
        status=Notification.Status.FAILED, failed_at=timezone.now(), error="SMTPDataError"
    )
    section = _section(clerk.get(case_url("backoffice:case", case)).content.decode())
    assert "<strong>Ei voitu lähettää</strong>" in section
    assert "SMTPDataError" not in section


def test_notifications_about_other_things_of_the_customer_are_not_listed(
    case: Submission,
) -> None:
    Notification.objects.filter(about_kind="submission", about_key=str(case.pk)).update(
        about_key="999999"
    )
    page = staff_client("kaisa").get(case_url("backoffice:case", case)).content.decode()
    assert "Asiakkaalle ei ole lähetetty ilmoituksia tästä asiasta." in page
