"""Pages before the opening update themselves only where nothing typed can be lost (WCAG 2.2.1)."""

import re
from datetime import timedelta

from django.test import Client
from django.utils import timezone

from asiointi.courses.models import Course
from asiointi.courses.tests.conftest import MakeCourse, MakePerson, client_for

RELOAD = 'http-equiv="refresh"'


def upcoming(make_course: MakeCourse, **fields: object) -> Course:
    return make_course(opens_at=timezone.now() + timedelta(minutes=5), **fields)


def test_no_page_ever_answers_with_a_refresh_header(
    make_course: MakeCourse, make_person: MakePerson
) -> None:
    course = upcoming(make_course)
    client = client_for(make_person())
    answers = [
        Client().get(course.get_absolute_url()),
        client.get(course.get_absolute_url()),
        client.post(course.get_absolute_url() + "enroll/", {"participant": "dependant"}),
    ]
    assert [("Refresh" in answer) for answer in answers] == [False, False, False]


def test_the_course_page_without_a_form_reloads_only_without_javascript(
    make_course: MakeCourse,
) -> None:
    course = upcoming(make_course)
    page = Client().get(course.get_absolute_url()).content.decode()
    # To the address itself: the browser may be at it with a fragment, where a refresh would
    # only scroll.
    url = course.get_absolute_url()
    assert f'<noscript><meta http-equiv="refresh" content="60; url={url}"></noscript>' in page
    assert f'href="{course.get_absolute_url()}?updates=off"' in page


def test_the_course_page_with_the_enrollment_form_never_reloads(
    make_course: MakeCourse, make_person: MakePerson
) -> None:
    course = upcoming(make_course)
    page = client_for(make_person()).get(course.get_absolute_url()).content.decode()
    assert '<form method="post"' in page
    assert RELOAD not in page
    # Where JavaScript runs, the page updates its parts in place; the note says so there.
    assert "data-live-updating" in page
    assert "courses/live" in page


def test_a_refused_enrollment_before_opening_keeps_the_form_and_never_reloads(
    make_course: MakeCourse, make_person: MakePerson
) -> None:
    course = upcoming(make_course)
    response = client_for(make_person()).post(
        course.get_absolute_url() + "enroll/",
        {"participant": "dependant", "dependant_name": "Ville"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert RELOAD not in page
    assert 'value="Ville"' in page
    assert "<title>Error: " in page
    # "Stop updating" and "Update now" lead to the course page, which answers GET.
    assert f'href="{course.get_absolute_url()}?updates=off"' in page
    assert 'href="?' not in page


def test_stopping_the_updates_stops_the_reload_at_the_opening_too(
    make_course: MakeCourse,
) -> None:
    course = make_course(opens_at=timezone.now() + timedelta(seconds=20))
    url = course.get_absolute_url()
    page = Client().get(url).content.decode()
    assert re.search(r'<meta http-equiv="refresh" content="(20|21); url=', page)
    stopped = Client().get(url, {"updates": "off"}).content.decode()
    assert RELOAD not in stopped
    assert "data-live-updating" not in stopped
    assert "This page no longer updates itself." in stopped
