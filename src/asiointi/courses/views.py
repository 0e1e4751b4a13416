from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from asiointi.courses import selectors, services
from asiointi.courses.forms import CourseFilterForm, EnrollForm
from asiointi.courses.models import Course, Enrollment
from asiointi.customers.acting import acting_check, acting_get, acting_required
from asiointi.organisations.selectors import audience_check

# Before opening, a page refreshes itself at most this often (and exactly at the opening time).
REFRESH_SECONDS = 60
QUEUE_REFRESH_SECONDS = 3
UPDATES_OFF = "updates=off"


def _refreshing(request: HttpRequest, response: HttpResponse, seconds: int | None) -> HttpResponse:
    """Reload the page after `seconds`, without JavaScript: the HTTP Refresh header, which
    browsers treat as <meta http-equiv="refresh">. The page offers to stop it (WCAG 2.2.1), and
    axe's meta-refresh rule, which cannot see that offer, has nothing to flag."""
    if seconds and request.GET.get("updates") != "off":
        response["Refresh"] = str(seconds)
    return response


def _refresh_context(request: HttpRequest, seconds: int | None) -> dict[str, object]:
    stopped = request.GET.get("updates") == "off"
    return {
        "refresh": None if stopped else seconds,
        "updates_stopped": stopped and bool(seconds),
        "updates_off": UPDATES_OFF,
    }


def _refresh_until_open(course: Course) -> int | None:
    """Seconds until the page should reload itself: at opening, never later than a minute."""
    seconds = (course.opens_at - timezone.now()).total_seconds()
    if seconds <= 0 or seconds > 15 * 60:
        return None
    return max(1, min(REFRESH_SECONDS, int(seconds) + 1))


@require_safe
def course_list(request: HttpRequest) -> HttpResponse:
    form = CourseFilterForm(request.GET or None, places=selectors.course_places())
    filters = form.filters() if form.is_bound else selectors.CourseFilters()
    page = Paginator(selectors.courses_listed(filters), 25).get_page(request.GET.get("page"))
    now = timezone.now()
    return render(request, "courses/course_list.html", {"form": form, "page": page, "now": now})


def _course_page(
    request: HttpRequest, course: Course, form: EnrollForm | None, status: int = 200
) -> HttpResponse:
    acting = acting_get(request)
    own = (
        selectors.enrollments_of_customer(course=course, customer=acting.customer) if acting else []
    )
    groups_refused = bool(acting and acting.is_organisation and not course.organisations_may_enroll)
    if acting and form is None and not groups_refused:
        form = EnrollForm(course=course, organisation=acting.is_organisation)
    context = {
        "course": course,
        "sessions": selectors.course_sessions(course),
        "phase": selectors.course_phase(course),
        "form": form,
        "own": own,
        "groups_refused": groups_refused,
        **_refresh_context(request, _refresh_until_open(course)),
    }
    response = render(request, "courses/course_detail.html", context, status=status)
    return _refreshing(request, response, _refresh_until_open(course))


@require_safe
def course_detail(request: HttpRequest, code: str) -> HttpResponse:
    course = services.course_open_if_due(course=selectors.course_by_code(code))
    return _course_page(request, course, None)


@require_POST
@acting_required
def course_enroll(request: HttpRequest, code: str) -> HttpResponse:
    course = selectors.course_by_code(code)
    acting = request.acting  # type: ignore[attr-defined]
    acting_check(acting, service=course.service)
    if not (acting.is_organisation and course.organisations_may_enroll):
        # A course open to groups takes an organisation's enrollment whatever its service's
        # audience; otherwise the service decides, with the page that offers the switch.
        audience_check(acting=acting, service=course.service)
    form = EnrollForm(request.POST, course=course, organisation=acting.is_organisation)
    if not form.is_valid():
        return _course_page(request, course, form, status=400)
    try:
        enrollment = services.enrollment_create(
            course=course,
            acting=acting,
            participant=form.participant_value(),
            answers=form.answers(),
            language=get_language() or "fi",
        )
    except services.EnrollmentRefused as refusal:
        form.add_error(None, str(refusal.message))
        return _course_page(request, course, form, status=409)
    return HttpResponseRedirect(enrollment.get_absolute_url(), status=303)


@require_safe
@acting_required
def enrollment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    enrollment = selectors.enrollment_for_customer(pk=pk, customer=request.acting.customer)  # type: ignore[attr-defined]
    course = services.course_open_if_due(course=enrollment.course)
    if course.drawn_at and enrollment.status == Enrollment.Status.QUEUED:
        enrollment.refresh_from_db()
    queued = enrollment.status == Enrollment.Status.QUEUED
    context = {
        "enrollment": enrollment,
        "course": course,
        "position": selectors.waiting_position(enrollment),
        "queue_length": selectors.queue_length(course) if queued else 0,
        "cancellable": enrollment.status in services.CANCELLABLE
        and (
            enrollment.status != Enrollment.Status.ENROLLED
            or timezone.now() <= course.cancellation_deadline
        ),
    }
    refresh = (_refresh_until_open(course) or QUEUE_REFRESH_SECONDS) if queued else None
    context.update(_refresh_context(request, refresh))
    response = render(request, "courses/enrollment_detail.html", context)
    return _refreshing(request, response, refresh)


@require_POST
@acting_required
def enrollment_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    acting = request.acting  # type: ignore[attr-defined]
    enrollment = selectors.enrollment_for_customer(pk=pk, customer=acting.customer)
    try:
        services.enrollment_cancel(enrollment=enrollment, acting=acting)
    except services.EnrollmentRefused as refusal:
        messages.error(request, str(refusal.message))
    else:
        messages.success(request, _("Your enrollment has been cancelled."))
    return HttpResponseRedirect(enrollment.get_absolute_url(), status=303)
