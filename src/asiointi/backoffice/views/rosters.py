"""Course rosters: every role of the agency's staff handles them."""

import secrets
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from asiointi.backoffice import rosters
from asiointi.backoffice.access import agency_member_required
from asiointi.backoffice.staff_forms import CapacityForm, RosterMessageForm
from asiointi.courses import selectors as courses
from asiointi.courses.attendance import attendance_set
from asiointi.courses.models import Course, Enrollment
from asiointi.courses.services import (
    EnrollmentRefused,
    course_capacity_set,
    enrollment_cancel_by_staff,
)
from asiointi.privacy.models import AuditEvent
from asiointi.privacy.services import audit_record

# A message's form key is remembered this long: a second press of "Send" sends nothing more.
MESSAGE_KEY_SECONDS = 24 * 60 * 60


def _agency_id(request: HttpRequest) -> int:
    return request.membership.agency_id  # type: ignore[attr-defined,no-any-return]


def _course(request: HttpRequest, code: str) -> Course:
    return courses.course_of_agency(agency_id=_agency_id(request), code=code)


def _roster_url(request: HttpRequest, course: Course, **query: object) -> str:
    agency = request.membership.agency  # type: ignore[attr-defined]
    url = reverse("backoffice:roster", args=[agency.slug, course.code])
    return url + (f"?{urlencode(query)}" if query else "")


@require_safe
@agency_member_required()
def course_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "backoffice/courses.html",
        {
            "membership": request.membership,  # type: ignore[attr-defined]
            "courses": courses.courses_of_agency(agency_id=_agency_id(request)),
            "courses_current": True,
        },
    )


def _roster_page(
    request: HttpRequest, course: Course, status: int = 200, **forms: Any
) -> HttpResponse:
    sessions = courses.course_sessions(course)
    chosen = request.GET.get("session", "")
    session = next((s for s in sessions if str(s.pk) == chosen), sessions[0] if sessions else None)
    forms.setdefault(
        "capacity_form",
        CapacityForm(
            initial={"capacity": course.capacity, "waiting_capacity": course.waiting_capacity}
        ),
    )
    forms.setdefault("message_form", RosterMessageForm())
    context = {
        "membership": request.membership,  # type: ignore[attr-defined]
        "course": course,
        "roster": courses.course_roster(course=course),
        "sessions": sessions,
        "session": session,
        "present": courses.attendance_present(session=session) if session else set(),
        "message_key": secrets.token_urlsafe(24),
        "courses_current": True,
        "forms_with_errors": [form for form in forms.values() if form.errors],
        **forms,
    }
    audit_record(
        action=AuditEvent.Action.PERSONAL_DATA_READ,
        request=request,
        target=f"course:{course.pk}",
        details={"what": "course roster read", "course": course.code},
    )
    return render(request, "backoffice/roster.html", context, status=status)


@require_safe
@agency_member_required()
def roster(request: HttpRequest, code: str) -> HttpResponse:
    return _roster_page(request, _course(request, code))


@require_safe
@agency_member_required()
def roster_csv(request: HttpRequest, code: str) -> StreamingHttpResponse:
    course = _course(request, code)
    header = [
        _("Number"),
        _("Reference"),
        _("Participant"),
        _("Customer"),
        _("Places"),
        _("Status"),
        _("Since"),
    ]
    labels = {str(value): str(label) for value, label in Enrollment.Status.choices}
    audit_record(
        action=AuditEvent.Action.PERSONAL_DATA_READ,
        request=request,
        target=f"course:{course.pk}",
        details={"what": "course roster exported", "course": course.code},
    )
    rows = rosters.roster_rows_csv(course=course, header=header, labels=labels)
    response = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{course.code}.csv"'
    return response


@require_POST
@agency_member_required()
def roster_attendance(request: HttpRequest, code: str) -> HttpResponse:
    course = _course(request, code)
    # The page marks its first session unless another is chosen.
    session_pk = request.POST.get("session", "")
    sessions = courses.course_sessions(course)
    if not session_pk.isdigit() and sessions:
        session_pk = str(sessions[0].pk)
    session = courses.session_of_course(course=course, pk=int(session_pk or 0))
    present = {int(pk) for pk in request.POST.getlist("present") if pk.isdigit()}
    attendance_set(session=session, present=present, staff=request.user)  # type: ignore[arg-type]
    messages.success(request, _("Attendance was saved."))
    return HttpResponseRedirect(_roster_url(request, course, session=session.pk), status=303)


@require_POST
@agency_member_required()
def roster_capacity(request: HttpRequest, code: str) -> HttpResponse:
    course = _course(request, code)
    form = CapacityForm(request.POST)
    if form.is_valid():
        waiting_before = course.waiting_seats
        try:
            course = course_capacity_set(
                course=course,
                capacity=form.cleaned_data["capacity"],
                waiting_capacity=form.cleaned_data["waiting_capacity"],
            )
        except EnrollmentRefused as refused:
            form.add_error(None, str(refused.message))
        else:
            promoted = max(waiting_before - course.waiting_seats, 0)
            text = _("The places were changed.")
            if promoted:
                text += " " + ngettext(
                    "%(count)d place went to the waiting list; they have been told.",
                    "%(count)d places went to the waiting list; they have been told.",
                    promoted,
                ) % {"count": promoted}
            messages.success(request, text)
            return HttpResponseRedirect(_roster_url(request, course), status=303)
    return _roster_page(request, _course(request, code), status=400, capacity_form=form)


@require_POST
@agency_member_required()
def roster_message(request: HttpRequest, code: str) -> HttpResponse:
    course = _course(request, code)
    form = RosterMessageForm(request.POST)
    if form.is_valid():
        key = request.POST.get("form_key", "")[:64]
        first_press = not key or cache.add(f"roster-message:{key}", 1, MESSAGE_KEY_SECONDS)
        try:
            sent = (
                rosters.roster_message_send(
                    course=course,
                    body=form.cleaned_data["body"],
                    by=request.user,  # type: ignore[arg-type]
                )
                if first_press
                else None
            )
        except rosters.RosterRefused as refused:
            cache.delete(f"roster-message:{key}")
            form.add_error(None, refused.message)
        else:
            if sent is not None:
                messages.success(
                    request,
                    ngettext(
                        "The message was sent to %(count)d customer.",
                        "The message was sent to %(count)d customers.",
                        sent,
                    )
                    % {"count": sent},
                )
            return HttpResponseRedirect(_roster_url(request, course), status=303)
    return _roster_page(request, course, status=400, message_form=form)


@require_POST
@agency_member_required()
def roster_cancel(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    course = _course(request, code)
    enrollment = courses.enrollment_of_course(course=course, pk=pk)
    enrollment_cancel_by_staff(enrollment=enrollment, staff=request.user)  # type: ignore[arg-type]
    messages.success(request, _("The enrollment was cancelled. The customer has been told."))
    return HttpResponseRedirect(_roster_url(request, course), status=303)
