"""Reads for the back office, each scoped to the member's agency: another agency's is a 404."""

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils.translation import gettext as _

from asiointi.attachments.models import Attachment
from asiointi.attachments.selectors import attachment_held_by, attachments_held
from asiointi.backoffice.models import AgencyMembership, CaseAssignment, CaseNote, PlatformRole
from asiointi.backoffice.paging import CappedPaginator
from asiointi.catalogue.models import Agency, Service
from asiointi.folder.models import Message, Thread
from asiointi.folder.selectors import message_holder, thread_about, thread_messages
from asiointi.identity.models import User
from asiointi.notify.models import Notification
from asiointi.notify.selectors import notifications_about
from asiointi.privacy.models import AuditEvent
from asiointi.privacy.selectors import audit_events_search
from asiointi.submissions.models import StatusChange, Submission
from asiointi.submissions.selectors import (
    submission_answers_summary,
    submission_history_with_staff,
    submission_of_agency,
    submissions_of_agency,
)

Status = Submission.Status

# The back office's statuses, each the customer's statuses it stands for.
CASE_STATUSES: dict[str, tuple[str, ...]] = {
    "new": (Status.RECEIVED, Status.DELIVERED, Status.DELIVERY_DELAYED),
    "in_progress": (Status.IN_PROCESS,),
    "waiting": (Status.WAITING,),
    "decided": (Status.DECIDED,),
    "closed": (Status.CLOSED,),
}
CASE_STATUS_OF = {status: case for case, statuses in CASE_STATUSES.items() for status in statuses}
UNASSIGNED = "none"


def staff_member_of(*, user: User, agency: Agency) -> bool:
    return AgencyMembership.objects.filter(user=user, agency=agency).exists()


def memberships_of(*, user: User) -> list[AgencyMembership]:
    return list(
        AgencyMembership.objects.filter(user=user).select_related("agency").order_by("agency")
    )


def membership_for(*, user: User, agency_slug: str, roles: Sequence[str] = ()) -> AgencyMembership:
    found = AgencyMembership.objects.select_related("agency").filter(
        user=user, agency__slug=agency_slug
    )
    if roles:
        found = found.filter(role__in=roles)
    membership = found.first()
    if membership is None:
        raise Http404
    return membership


MANAGERS = (AgencyMembership.Role.SERVICE_MANAGER, AgencyMembership.Role.AGENCY_ADMIN)


def manager_membership_for(*, user: User, agency_slug: str) -> AgencyMembership:
    """The user's managing membership of the agency; for a platform superuser without one, an
    unsaved one as the agency's administrator (the pages read the agency and the role from it)."""
    found = AgencyMembership.objects.select_related("agency").filter(
        user=user, agency__slug=agency_slug, role__in=MANAGERS
    )
    membership = found.first()
    if membership is None and user.is_superuser:
        agency = Agency.objects.filter(slug=agency_slug).first()
        if agency is not None:
            return AgencyMembership(
                user=user, agency=agency, role=AgencyMembership.Role.AGENCY_ADMIN
            )
    if membership is None:
        raise Http404
    return membership


def agency_services(*, agency: Agency) -> list[Service]:
    """The agency's services by name, for choosing one (their names only)."""
    services = Service.objects.filter(agency=agency).only("name_fi", "name_sv", "name_en")
    return list(services.order_by("name"))


def agency_staff(*, agency: Agency) -> list[User]:
    return [
        m.user
        for m in AgencyMembership.objects.filter(agency=agency)
        .select_related("user")
        .order_by("user__first_name", "user__last_name", "user__username")
    ]


@dataclass
class CaseFilter:
    service: int | None = None
    status: str = ""
    assignee: str = ""  # a user id, UNASSIGNED, or "" for anyone
    search: str = ""
    undeliverable: bool = False
    query: dict[str, str] = field(default_factory=dict)


def _cases(*, agency: Agency, filters: CaseFilter) -> QuerySet[Submission]:
    cases = submissions_of_agency(
        agency_id=agency.pk,
        service_id=filters.service,
        statuses=CASE_STATUSES.get(filters.status, ()),
        search=filters.search,
        delivery_failed=filters.undeliverable,
    )
    if filters.assignee == UNASSIGNED:
        cases = cases.exclude(Exists(CaseAssignment.objects.filter(submission=OuterRef("pk"))))
    elif filters.assignee.isdigit():
        cases = cases.filter(
            Exists(
                CaseAssignment.objects.filter(
                    submission=OuterRef("pk"), assignee_id=int(filters.assignee)
                )
            )
        )
    return cases


# What a row of the list shows: not the encrypted answers, nor the service's page texts.
LIST_COLUMNS = (
    "reference",
    "status",
    "sent_at",
    "business_id",
    "delivery_failed_at",
    "service__name_fi",
    "service__name_sv",
    "service__name_en",
    "customer__person__first_name",
    "customer__person__last_name",
    "customer__organisation__name",
)


def _with_list_columns(cases: QuerySet[Submission]) -> QuerySet[Submission]:
    assignment = CaseAssignment.objects.filter(submission=OuterRef("pk"))
    return (
        cases.select_related("service", "customer__person", "customer__organisation")
        .only(*LIST_COLUMNS)
        .annotate(assignee_id=Subquery(assignment.values("assignee_id")[:1]))
    )


def cases_page(
    *, agency: Agency, filters: CaseFilter, page_number: str | None, staff: list[User]
) -> Page:
    """One page of the agency's inbox: a count up to COUNT_MAX and two bounded queries, indexed
    by agency, status and date."""
    paginator = CappedPaginator(
        _cases(agency=agency, filters=filters),
        settings.BACKOFFICE_PAGE_SIZE,
        rows=_with_list_columns,
    )
    page = paginator.get_page(page_number)
    handlers = {user.pk: user for user in staff}
    for case in page.object_list:
        case.assignee = handlers.get(case.assignee_id)
        case.case_status = CASE_STATUS_OF[case.status]
    return page


def case_rows_csv(*, agency: Agency, filters: CaseFilter, header: Sequence[str]) -> Iterator[str]:
    """The filtered list as CSV lines, no identity codes; BACKOFFICE_EXPORT_MAX_ROWS at most."""
    staff = {user.pk: user for user in agency_staff(agency=agency)}
    buffer = CsvLine()
    writer = csv.writer(buffer)
    writer.writerow(header)
    yield buffer.take()
    cases = _with_list_columns(_cases(agency=agency, filters=filters))
    for case in cases[: settings.BACKOFFICE_EXPORT_MAX_ROWS].iterator(chunk_size=500):
        assignee = staff.get(case.assignee_id)  # type: ignore[attr-defined]
        writer.writerow(
            csv_safe_cell(value)
            for value in (
                case.reference,
                case.service.name,
                case.get_status_display(),
                case.sent_at.isoformat(timespec="minutes"),
                customer_name(case),
                case.business_id,
                (assignee.get_full_name() or assignee.get_username()) if assignee else "",
            )
        )
        yield buffer.take()


class CsvLine:
    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> None:
        self.text += text

    def take(self) -> str:
        text, self.text = self.text, ""
        return text


def csv_safe_cell(value: Any) -> str:
    """A spreadsheet must not run what a resident typed as a formula."""
    text = str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def customer_name(submission: Submission) -> str:
    customer = submission.customer
    if customer is None:
        return str(_("Anonymised"))
    if customer.organisation is not None:
        return customer.organisation.name
    return customer.person.full_name if customer.person else ""


@dataclass
class CaseView:
    submission: Submission
    case_status: str
    sections: list[Any]
    history: list[StatusChange]
    files: list[Attachment]
    notes: list[CaseNote]
    thread: Thread | None
    messages: list[Message]
    assignee: User | None
    # What the customer was told about the case, so a clerk sees a receipt that did not go out.
    notifications: list[Notification] = field(default_factory=list)


def case_for_member(*, membership: AgencyMembership, reference: str) -> Submission:
    """The agency's case by its reference; any other agency's (or none) is a 404."""
    return submission_of_agency(agency_id=membership.agency_id, reference=reference)


def case_view(*, submission: Submission) -> CaseView:
    thread = case_thread(submission=submission)
    assignment = CaseAssignment.objects.filter(submission=submission).select_related("assignee")
    return CaseView(
        submission=submission,
        case_status=CASE_STATUS_OF[submission.status],
        sections=submission_answers_summary(submission),
        history=submission_history_with_staff(submission),
        files=attachments_held(holder=f"submission:{submission.pk}"),
        notes=list(CaseNote.objects.filter(submission=submission).select_related("author")),
        thread=thread,
        messages=thread_messages(thread=thread) if thread else [],
        assignee=next((a.assignee for a in assignment), None),
        notifications=notifications_about(
            customer=submission.customer, about_kind="submission", about_key=submission.pk
        )
        if submission.customer
        else [],
    )


def case_thread(*, submission: Submission) -> Thread | None:
    return thread_about(
        agency_id=submission.service.agency_id, kind="submission", key=str(submission.pk)
    )


def case_attachment(*, submission: Submission, pk: str) -> Attachment:
    """A file of the case: sent with the form, or with the customer's reply in its thread."""
    holders = [f"submission:{submission.pk}"]
    thread = case_thread(submission=submission)
    if thread is not None:
        holders += [message_holder(m) for m in thread.messages.filter(sender="customer")]
    return attachment_held_by(pk=pk, holders=holders)


def case_decision_document(*, submission: Submission, pk: int) -> Message:
    thread = case_thread(submission=submission)
    message = thread.messages.exclude(document="").filter(pk=pk).first() if thread else None
    if message is None:
        raise Http404
    return message


# The auditor's reads: the whole audit log, of every agency and every resident.


def is_auditor(*, user: User) -> bool:
    return PlatformRole.objects.filter(user_id=user.pk, role=PlatformRole.Role.AUDITOR).exists()


def audit_staff_members() -> list[User]:
    """Whom the auditor may choose as the member of staff: every account that works in the back
    office or the admin."""
    staff = Q(is_superuser=True) | Q(agency_memberships__isnull=False)
    return list(
        User.objects.filter(staff | Q(platform_roles__isnull=False))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


@dataclass(frozen=True)
class AuditFilter:
    person: User | None = None
    staff: User | None = None
    action: str = ""
    since: datetime | None = None
    until: datetime | None = None


def audit_log_page(*, filters: AuditFilter, page_number: str | None) -> Page:
    events: QuerySet[AuditEvent] = audit_events_search(
        person=filters.person,
        staff=filters.staff,
        actions=[filters.action] if filters.action else None,
        since=filters.since,
        until=filters.until,
    )
    return Paginator(events, settings.BACKOFFICE_PAGE_SIZE).get_page(page_number)
