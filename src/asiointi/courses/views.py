from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from asiointi.catalogue.models import Service
from asiointi.courses import selectors, services
from asiointi.courses.forms import CourseFilterForm, EnrollForm
from asiointi.courses.models import Course, Enrollment
from asiointi.courses.refresh import QUEUE_REFRESH_SECONDS, refresh_context, refresh_until_open
from asiointi.customers.acting import (
    ActingRequest,
    acting_check,
    acting_get_checked,
    acting_read_audit,
    acting_required,
)
from asiointi.customers.grants import access_granted


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
    acting = acting_get_checked(request)
    own = selectors.enrollments_for_acting(course=course, acting=acting) if acting else []
    if own and acting:
        # The page lists the customer's enrollments, with a dependant's or a group's name.
        acting_read_audit(request, acting, target=f"courses.enrollments:{course.code}")
    groups_refused = services.enrollment_groups_refused(course=course, acting=acting)
    contact_first = bool(acting and not access_granted(acting=acting, service=course.service))
    if acting and form is None and not groups_refused and not contact_first:
        # Back from the review page: the answers typed there, not an empty form.
        typed = request.session.get(_review_key(course))
        form = EnrollForm(course=course, organisation=acting.is_organisation, initial=typed)
    context = {
        "course": course,
        "sessions": selectors.course_sessions(course),
        "phase": selectors.course_phase(course),
        "form": form,
        "own": own,
        "groups_refused": groups_refused,
        "contact_first": contact_first,
        **refresh_context(
            request,
            refresh_until_open(course),
            url=course.get_absolute_url(),
            has_form=bool(form),
        ),
    }
    return render(request, "courses/course_detail.html", context, status=status)


def _prior_contact(request: HttpRequest, service: Service) -> HttpResponse:
    return render(request, "catalogue/prior_contact.html", {"service": service}, status=403)


@require_safe
@acting_required
def service_start(request: ActingRequest, slug: str) -> HttpResponse:
    """The courses of a service that needs contact with the agency first, once it has opened
    the service for the customer; until then, why and how to reach the agency."""
    service = selectors.course_service(slug)
    if not access_granted(acting=request.acting, service=service):
        return _prior_contact(request, service)
    return HttpResponseRedirect(
        f"{reverse('courses:course_list')}?{urlencode({'service': service.slug})}"
    )


@require_safe
def course_detail(request: HttpRequest, code: str) -> HttpResponse:
    course = services.course_open_if_due(course=selectors.course_by_code(code))
    return _course_page(request, course, None)


def _review_key(course: Course) -> str:
    return f"courses.review:{course.code}"


def _enroll_form_checked(request: ActingRequest, course: Course) -> EnrollForm | HttpResponse:
    """The bound form once the acting customer may enroll here, or the page saying why not."""
    acting = request.acting
    acting_check(acting, service=course.service)
    if not access_granted(acting=acting, service=course.service):
        return _prior_contact(request, course.service)
    services.enrollment_audience_check(course=course, acting=acting)
    form = EnrollForm(request.POST, course=course, organisation=acting.is_organisation)
    if not form.is_valid():
        return _course_page(request, course, form, status=400)
    return form


@require_http_methods(["GET", "HEAD", "POST"])
@acting_required
def course_review(request: ActingRequest, code: str) -> HttpResponse:
    """What the enrollment means (price, place, times, cancellation terms) before it is made.
    The typed answers go on as hidden fields, checked again on confirming, and stay in the
    session so that "Change" shows them in the form again. A GET (the language switch, a
    bookmark) goes to the course page, which has them."""
    course = selectors.course_by_code(code)
    if request.method != "POST":
        return HttpResponseRedirect(f"{course.get_absolute_url()}#enroll", status=303)
    form = _enroll_form_checked(request, course)
    if isinstance(form, HttpResponse):
        return form
    phase = selectors.course_phase(course)
    if phase == "open" and course.nothing_left:
        return HttpResponseRedirect(course.get_absolute_url(), status=303)
    typed = {name: form.data.get(name, "") for name in form.fields}
    request.session[_review_key(course)] = typed
    context = {
        "course": course,
        "sessions": selectors.course_sessions(course),
        "phase": phase,
        "waiting_only": phase == "open" and not course.place_free,
        "form": form,
        "typed": typed,
        "rows": form.review_rows(),
    }
    return render(request, "courses/course_review.html", context)


@require_POST
@acting_required
def course_enroll(request: ActingRequest, code: str) -> HttpResponse:
    """The review page's "Confirm": enrolls. Pressing it again gives back the same enrollment."""
    course = selectors.course_by_code(code)
    acting = request.acting
    form = _enroll_form_checked(request, course)
    if isinstance(form, HttpResponse):
        return form
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
    request.session.pop(_review_key(course), None)
    return HttpResponseRedirect(enrollment.get_absolute_url(), status=303)


@require_safe
@acting_required
def enrollment_detail(request: ActingRequest, pk: int) -> HttpResponse:
    enrollment = selectors.enrollment_for_acting(pk=pk, acting=request.acting)
    acting_read_audit(request, request.acting, target=f"courses.enrollment:{enrollment.pk}")
    enrollment = services.enrollment_open_if_due(enrollment=enrollment)
    course = enrollment.course
    queued = enrollment.status == Enrollment.Status.QUEUED
    refresh = (refresh_until_open(course) or QUEUE_REFRESH_SECONDS) if queued else None
    context: dict[str, object] = {
        "enrollment": enrollment,
        "course": course,
        "position": selectors.waiting_position(enrollment),
        "queue_length": selectors.queue_length(course) if queued else 0,
        "cancellable": services.enrollment_cancellable(enrollment, course=course),
        **refresh_context(request, refresh, url=enrollment.get_absolute_url(), has_form=False),
    }
    return render(request, "courses/enrollment_detail.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@acting_required
def enrollment_cancel(request: ActingRequest, pk: int) -> HttpResponse:
    """GET asks first ("Cancel the enrollment?"); POST cancels."""
    acting = request.acting
    enrollment = selectors.enrollment_for_acting(pk=pk, acting=acting)
    if request.method != "POST":
        if not services.enrollment_cancellable(enrollment, course=enrollment.course):
            return HttpResponseRedirect(enrollment.get_absolute_url(), status=303)
        acting_read_audit(request, acting, target=f"courses.enrollment:{enrollment.pk}")
        context = {"enrollment": enrollment, "course": enrollment.course}
        return render(request, "courses/enrollment_cancel.html", context)
    try:
        services.enrollment_cancel(enrollment=enrollment, acting=acting)
    except services.EnrollmentRefused as refusal:
        messages.error(request, str(refusal.message))
    else:
        messages.success(request, _("Your enrollment has been cancelled."))
    return HttpResponseRedirect(enrollment.get_absolute_url(), status=303)
