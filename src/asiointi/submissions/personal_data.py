"""Forms' section of the personal data registry (privacy.personal_data)."""

from django.utils.translation import gettext_lazy as _

from asiointi.customers.models import Customer
from asiointi.privacy.personal_data import ErasureBlocker, Section, personal_data_register
from asiointi.submissions.erasure import drafts_delete, submissions_anonymise
from asiointi.submissions.models import Draft, Submission
from asiointi.submissions.selectors import submissions_export

OPEN_CASE = ErasureBlocker(
    "OPEN_CASE",
    _(
        "A form you sent is still being processed by an agency. Your data can be erased "
        "once the agency has decided on it."
    ),
)


def _blockers(customer: Customer) -> list[ErasureBlocker]:
    done = (Submission.Status.DECIDED, Submission.Status.CLOSED)
    still_open = Submission.objects.filter(customer=customer).exclude(status__in=done)
    return [OPEN_CASE] if still_open.exists() else []


def _erase(customer: Customer) -> int:
    return drafts_delete(Draft.objects.filter(customer=customer)) + submissions_anonymise(
        Submission.objects.filter(customer=customer)
    )


def register() -> None:
    personal_data_register(
        Section(
            "forms",
            _("Forms: drafts and sent submissions"),
            submissions_export,
            erase=_erase,
            blockers=_blockers,
            order=50,
        )
    )
