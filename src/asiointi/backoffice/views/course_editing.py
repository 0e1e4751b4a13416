"""Editing and creating the agency's courses: texts in fi, sv and en, times, price, ages and
enrollment times. The places stay on the roster page (`roster_capacity`), the one way to change
them."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from asiointi.backoffice.access import agency_manager_required
from asiointi.backoffice.content_forms import CourseCreateForm, CourseForm, sessions_text
from asiointi.backoffice.views.content import content_saved, current_texts, stale_form
from asiointi.courses import selectors as courses
from asiointi.courses.editing import (
    COURSE_FIELDS,
    course_create,
    course_sessions_of,
    course_update,
    course_version,
)
from asiointi.courses.models import Course
from asiointi.edits import ChangedMeanwhile


def _agency(request: HttpRequest) -> Any:
    return request.membership.agency  # type: ignore[attr-defined]


def _initial(course: Course) -> dict[str, Any]:
    initial = {name: getattr(course, name) for name in COURSE_FIELDS}
    initial["sessions"] = sessions_text(course_sessions_of(course))
    return initial


def _page(request: HttpRequest, form: CourseForm, status: int = 200, **extra: Any) -> HttpResponse:
    context = {
        "membership": request.membership,  # type: ignore[attr-defined]
        "form": form,
        "missing": form.missing_translations(),
        "courses_current": True,
        **extra,
    }
    return render(request, "backoffice/course_edit.html", context, status=status)


def _saved_url(request: HttpRequest, course: Course) -> str:
    return reverse("backoffice:course_edit", args=[_agency(request).slug, course.code])


@require_http_methods(["GET", "HEAD", "POST"])
@agency_manager_required
def course_edit(request: HttpRequest, code: str) -> HttpResponse:
    course = courses.course_of_agency(agency_id=_agency(request).pk, code=code)
    if request.method != "POST":
        form = CourseForm(initial={**_initial(course), "seen": course_version(course)})
        return _page(request, form, course=course)
    form = CourseForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400, course=course)
    values = form.cleaned_data
    try:
        changed = course_update(
            course=course, values=values, sessions=values["sessions"], seen=values["seen"]
        )
    except ChangedMeanwhile as stale:
        current = current_texts(form, stale.current)
        stale_form(form, course_version(stale.current))
        return _page(request, form, status=409, course=stale.current, current=current)
    except ValidationError as invalid:
        form.add_error(None, invalid)
        return _page(request, form, status=400, course=course)
    content_saved(request, target=f"course:{course.pk}", what="course edited", changed=changed)
    return HttpResponseRedirect(_saved_url(request, course), status=303)


def _create_form(request: HttpRequest, data: Any = None, **kwargs: Any) -> CourseCreateForm:
    services = courses.course_services_of_agency(agency_id=_agency(request).pk)
    return CourseCreateForm(data, services=services, **kwargs)


def _copy_initial(request: HttpRequest) -> dict[str, Any]:
    """A copy of one of the agency's courses (`?copy=<code>`), without its code."""
    code = request.GET.get("copy", "")
    if not code:
        return {"published": False}
    course = courses.course_of_agency(agency_id=_agency(request).pk, code=code)
    return {
        **_initial(course),
        "service": course.service_id,
        "capacity": course.capacity,
        "waiting_capacity": course.waiting_capacity,
        "published": False,
    }


@require_http_methods(["GET", "HEAD", "POST"])
@agency_manager_required
def course_new(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _page(request, _create_form(request, initial=_copy_initial(request)), new=True)
    form = _create_form(request, request.POST)
    if form.is_valid():
        values = form.cleaned_data
        try:
            course = course_create(
                service=form.chosen_service(),
                code=values["code"],
                values=values,
                sessions=values["sessions"],
                capacity=values["capacity"],
                waiting_capacity=values["waiting_capacity"],
            )
        except ValidationError as invalid:
            form.add_error(None, invalid)
        else:
            content_saved(
                request,
                target=f"course:{course.pk}",
                what="course created",
                changed=sorted(name for name in values if name != "seen"),
            )
            return HttpResponseRedirect(_saved_url(request, course), status=303)
    return _page(request, form, status=400, new=True)
