"""Reads for the course pages and the enrollment page; a stranger's enrollment is a 404."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, Exists, F, Min, OuterRef, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from asiointi.catalogue.models import Service
from asiointi.courses.models import LIVE, Attendance, Course, CourseSession, Enrollment
from asiointi.customers.acting import Acting
from asiointi.customers.models import Customer

# Time-of-day filter: the hour a session starts, from (inclusive) to (exclusive).
TIMES_OF_DAY = {"morning": (0, 12), "afternoon": (12, 17), "evening": (17, 24)}


@dataclass(frozen=True)
class CourseFilters:
    service: str = ""
    place: str = ""
    weekday: int | None = None  # 1 = Monday … 7 = Sunday (ISO)
    time_of_day: str = ""
    free_places: bool = False


def _published() -> QuerySet[Course]:
    return Course.objects.filter(published=True, service__published=True)


def courses_listed(filters: CourseFilters) -> QuerySet[Course]:
    courses = (
        _published()
        .select_related("service", "agency")
        .annotate(first_session=Min("sessions__starts_at"), session_count=Count("sessions"))
        .order_by("first_session", "name", "pk")
    )
    if filters.service:
        courses = courses.filter(service__slug=filters.service)
    if filters.place:
        courses = courses.filter(place=filters.place)
    sessions = CourseSession.objects.filter(course=OuterRef("pk"))
    if filters.weekday:
        # Django's week_day counts from Sunday = 1; the form uses ISO (Monday = 1).
        sessions = sessions.filter(starts_at__iso_week_day=filters.weekday)
    if filters.time_of_day in TIMES_OF_DAY:
        start, end = TIMES_OF_DAY[filters.time_of_day]
        sessions = sessions.filter(starts_at__hour__gte=start, starts_at__hour__lt=end)
    if filters.weekday or filters.time_of_day:
        courses = courses.filter(Exists(sessions))
    if filters.free_places:
        courses = courses.filter(enrolled_seats__lt=F("capacity"), closes_at__gt=timezone.now())
    return courses


def course_start_url(service: Service) -> str | None:
    """ "Siirry palveluun" of a course service: its courses (a service that needs contact first
    goes through the page that checks the customer's access), or None when none is published."""
    if not _published().filter(service=service).exists():
        return None
    if service.requires_prior_contact:
        return reverse("courses:service_start", args=[service.slug])
    return f"{reverse('courses:course_list')}?{urlencode({'service': service.slug})}"


def course_service(slug: str) -> Service:
    service = (
        Service.objects.select_related("agency")
        .filter(slug=slug, published=True, kind=Service.Kind.COURSE)
        .first()
    )
    if service is None:
        raise Http404
    return service


def course_places() -> list[str]:
    return sorted(set(_published().values_list("place", flat=True)))


def course_by_code(code: str) -> Course:
    course = _published().select_related("service", "agency").filter(code=code).first()
    if course is None:
        raise Http404
    return course


def course_sessions(course: Course) -> list[CourseSession]:
    return list(course.sessions.all())


def enrollments_for_acting(*, course: Course, acting: Acting) -> list[Enrollment]:
    """The acting customer's enrollments in the course, if the person may see its service's."""
    if not acting.may_see(course.service_id):
        return []
    return list(
        Enrollment.objects.filter(
            course=course, customer=acting.customer, status__in=(*LIVE, "full")
        )
    )


def enrollment_for_acting(*, pk: int, acting: Acting) -> Enrollment:
    """The acting customer's own enrollment, within a mandate only of its services; anyone
    else's does not exist for them."""
    enrollment = (
        Enrollment.objects.select_related("course", "course__service", "course__agency")
        .filter(acting.visible(service="course__service"), pk=pk)
        .first()
    )
    if enrollment is None:
        raise Http404
    return enrollment


def waiting_position(enrollment: Enrollment) -> int | None:
    """Place on the waiting list, counting from 1; None when not waiting."""
    if enrollment.status != Enrollment.Status.WAITING:
        return None
    ahead = Enrollment.objects.filter(
        course_id=enrollment.course_id,
        status=Enrollment.Status.WAITING,
        waiting_number__lt=enrollment.waiting_number,
    ).count()
    return ahead + 1


def queue_length(course: Course) -> int:
    return course.enrollments.filter(status=Enrollment.Status.QUEUED).count()


def course_phase(course: Course, now: datetime | None = None) -> str:
    now = now or timezone.now()
    if now < course.opens_at:
        return "upcoming"
    if now >= course.closes_at:
        return "closed"
    return "open"


def enrollments_data(*, customer: Customer) -> list[dict[str, Any]]:
    """Every enrollment of the customer's, cancelled ones too, for their copy of their data."""
    rows = (
        Enrollment.objects.filter(customer=customer)
        .select_related("course", "acting_person")
        .order_by("created_at", "pk")
    )
    return [
        {
            "course": row.course.name,
            "course_code": row.course.code,
            "term": row.course.term,
            "place": row.course.place,
            "participant": row.participant_name or row.acting_person.get_full_name(),
            "participant_date_of_birth": row.participant_birth_date,
            "places": row.seats,
            "status": row.status,
            "answers": row.answers,
            "enrolled_by": row.acting_person.get_full_name(),
            "enrolled_at": row.created_at,
            "decided_at": row.decided_at,
            "cancelled_at": row.cancelled_at,
        }
        for row in rows
    ]


def courses_of_agency(*, agency_id: int) -> list[Course]:
    """Every course of the agency, published or not, for its staff."""
    return list(Course.objects.filter(agency_id=agency_id).order_by("-opens_at", "name"))


def course_of_agency(*, agency_id: int, code: str) -> Course:
    course = Course.objects.select_related("service").filter(agency_id=agency_id, code=code).first()
    if course is None:
        raise Http404
    return course


def course_roster(*, course: Course) -> dict[str, list[Enrollment]]:
    """The course's enrolled (in order of enrolling) and waiting (in the waiting list's order)."""
    rows = Enrollment.objects.filter(
        course=course, status__in=(Enrollment.Status.ENROLLED, Enrollment.Status.WAITING)
    ).select_related("customer__person", "customer__organisation", "acting_person")
    enrolled = [e for e in rows if e.status == Enrollment.Status.ENROLLED]
    waiting = [e for e in rows if e.status == Enrollment.Status.WAITING]
    enrolled.sort(key=lambda e: (e.decided_at or e.created_at, e.pk))
    waiting.sort(key=lambda e: e.waiting_number or 0)
    return {"enrolled": enrolled, "waiting": waiting}


def enrollment_of_course(*, course: Course, pk: int) -> Enrollment:
    enrollment = Enrollment.objects.filter(course=course, pk=pk).first()
    if enrollment is None:
        raise Http404
    return enrollment


def session_of_course(*, course: Course, pk: int) -> CourseSession:
    session = course.sessions.filter(pk=pk).first()
    if session is None:
        raise Http404
    return session


def attendance_present(*, session: CourseSession) -> set[int]:
    """The enrollment ids marked present at the session."""
    return set(
        Attendance.objects.filter(session=session, present=True).values_list(
            "enrollment_id", flat=True
        )
    )


def course_services_of_agency(*, agency_id: int) -> list[Service]:
    """The agency's course services, which its new courses may belong to."""
    return list(Service.objects.filter(agency_id=agency_id, kind=Service.Kind.COURSE))
