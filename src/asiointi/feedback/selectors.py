"""Reads of feedback: the sender's acknowledgement and the agency's inbox (its staff only)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from asiointi.backoffice.selectors import staff_member_of
from asiointi.catalogue.models import Agency
from asiointi.feedback.models import Feedback
from asiointi.identity.models import User

# The inbox marks an answer due within this many days as near.
DEADLINE_NEAR_DAYS = 3


def feedback_service_id(key: str) -> int | None:
    """The service of what `feedback:<id>` holds (the attachments app's holder rule)."""
    return Feedback.objects.filter(pk=int(key)).values_list("service_id", flat=True).first()


def feedback_acknowledged(*, form_key: str) -> Feedback:
    """The acknowledgement page: found by the form's secret one-time key, never by the reference."""
    found = Feedback.objects.select_related("agency", "service").filter(form_key=form_key).first()
    if found is None or not form_key:
        raise Http404
    return found


def portal_agency() -> Agency:
    """The agency that receives feedback on the portal itself (FEEDBACK_PORTAL_AGENCY)."""
    found = Agency.objects.filter(slug=settings.FEEDBACK_PORTAL_AGENCY).first()
    if found is None:
        raise Http404
    return found


def staff_agencies(*, user: User) -> QuerySet[Agency]:
    """The agencies whose feedback the member of staff reads: all for a superuser."""
    if user.is_superuser:
        return Agency.objects.all()
    return Agency.objects.filter(memberships__user=user)


def staff_agency(*, user: User, slug: str) -> Agency:
    agency = Agency.objects.filter(slug=slug).first()
    if agency is None or not (user.is_superuser or staff_member_of(user=user, agency=agency)):
        raise Http404
    return agency


@dataclass(frozen=True)
class InboxRow:
    feedback: Feedback
    deadline: str  # "past", "near" or ""


def deadline_state(feedback: Feedback, today: date) -> str:
    if feedback.status != Feedback.Status.NEW or feedback.answer_due is None:
        return ""
    if feedback.answer_due < today:
        return "past"
    if feedback.answer_due <= today + timedelta(days=DEADLINE_NEAR_DAYS):
        return "near"
    return ""


def feedback_inbox(*, agency: Agency, status: str = "", deadline: str = "") -> list[InboxRow]:
    """The agency's feedback, newest first; `status` new/answered, `deadline` near/past (new
    feedback whose answer is due within DEADLINE_NEAR_DAYS days, or overdue)."""
    today = timezone.localdate()
    found = Feedback.objects.filter(agency=agency).select_related("service")
    if status in Feedback.Status.values:
        found = found.filter(status=status)
    if deadline == "past":
        found = found.filter(status=Feedback.Status.NEW, answer_due__lt=today)
    elif deadline == "near":
        found = found.filter(
            status=Feedback.Status.NEW,
            answer_due__gte=today,
            answer_due__lte=today + timedelta(days=DEADLINE_NEAR_DAYS),
        )
    return [InboxRow(item, deadline_state(item, today)) for item in found[:500]]


def feedback_counts(*, agency: Agency) -> dict[str, int]:
    today = timezone.localdate()
    rows = Feedback.objects.filter(agency=agency, status=Feedback.Status.NEW).values_list(
        "answer_due", flat=True
    )
    counts = {"new": 0, "near": 0, "past": 0}
    for due in rows:
        counts["new"] += 1
        if due is not None and due < today:
            counts["past"] += 1
        elif due is not None and due <= today + timedelta(days=DEADLINE_NEAR_DAYS):
            counts["near"] += 1
    return counts


def feedback_for_staff(*, user: User, pk: int) -> Feedback:
    """One feedback for a member of staff of its agency (a superuser: any); others get 404."""
    found = Feedback.objects.select_related("agency", "service").filter(pk=pk).first()
    if found is None:
        raise Http404
    if not (user.is_superuser or staff_member_of(user=user, agency=found.agency)):
        raise Http404
    return found
