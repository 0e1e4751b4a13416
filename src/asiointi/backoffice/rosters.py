"""Course rosters for the agency's staff: who is enrolled and waiting, attendance, cancelling on
a participant's behalf, places, a message to everyone enrolled and the roster as CSV.

Every rule (promotion from the waiting list, cancelling, the counters) is the courses app's."""

import csv
from collections.abc import Iterator, Sequence

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from asiointi.backoffice.selectors import CsvLine, csv_safe_cell
from asiointi.courses.models import Course, Enrollment
from asiointi.courses.selectors import course_roster
from asiointi.folder.messaging import MessageRefused, message_send
from asiointi.identity.models import User
from asiointi.plain_text import plain_text_problem


class RosterRefused(Exception):
    def __init__(self, message: object) -> None:
        super().__init__(str(message))
        self.message = str(message)


def participant_name(enrollment: Enrollment) -> str:
    """Whom the place is for: the named dependant or group, or the person who enrolled."""
    if enrollment.participant_name:
        return enrollment.participant_name
    person = enrollment.customer.person
    return person.full_name if person else enrollment.acting_person.get_full_name()


def customer_name(enrollment: Enrollment) -> str:
    customer = enrollment.customer
    if customer.organisation is not None:
        return customer.organisation.name
    return customer.person.full_name if customer.person else ""


@transaction.atomic
def roster_message_send(*, course: Course, body: str, by: User) -> int:
    """One message to each customer with an enrolled participant, in their folder (they are told
    of it as of any message). Returns how many customers it went to."""
    body = body.strip()
    problem = plain_text_problem(body, multiline=True)
    if not body or problem:
        raise RosterRefused(problem or _("Write a message."))
    customers = {e.customer_id: e.customer for e in course_roster(course=course)["enrolled"]}
    if not customers:
        raise RosterRefused(_("Nobody is enrolled in the course."))
    for customer in customers.values():
        try:
            message_send(
                customer=customer,
                agency=course.agency,
                body=body,
                subject=f"{course.name} ({course.code})",
                sender=by,
                about_kind="course",
                about_key=str(course.pk),
                service=course.service,
            )
        except MessageRefused as refused:
            raise RosterRefused(refused.message) from None
    return len(customers)


def roster_rows_csv(
    *, course: Course, header: Sequence[str], labels: dict[str, str]
) -> Iterator[str]:
    """The enrolled and the waiting, without identity codes (nor dates of birth)."""
    buffer = CsvLine()
    writer = csv.writer(buffer)
    writer.writerow(header)
    yield buffer.take()
    roster = course_roster(course=course)
    for position, enrollment in enumerate(roster["enrolled"] + roster["waiting"], start=1):
        writer.writerow(
            csv_safe_cell(value)
            for value in (
                position,
                enrollment.reference,
                participant_name(enrollment),
                customer_name(enrollment),
                enrollment.seats,
                labels.get(enrollment.status, enrollment.status),
                (enrollment.decided_at or enrollment.created_at).isoformat(timespec="minutes"),
            )
        )
        yield buffer.take()
