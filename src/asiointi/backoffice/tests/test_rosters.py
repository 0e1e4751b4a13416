"""A course's roster in the back office: the enrolled and the waiting, attendance, cancelling on a
participant's behalf, places (promoting the waiting, never below the enrolled), a message to all
enrolled and the CSV, each change told to the customers it concerns."""

import csv
import io
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from asiointi.backoffice.models import AgencyMembership
from asiointi.backoffice.tests.support import OTHER_AGENCY, staff_client, url
from asiointi.catalogue.models import Agency
from asiointi.courses.models import Attendance, Course, Enrollment
from asiointi.courses.services import enrollment_create, participant_self
from asiointi.courses.tests.conftest import MakePerson, acting_as
from asiointi.folder.models import Thread
from asiointi.identity.models import User

Status = Enrollment.Status
Role = AgencyMembership.Role


def fill(course: Course, make_person: MakePerson, people: int) -> list[Enrollment]:
    enrollments = []
    for number in range(people):
        person: User = make_person(
            name=f"Osallistuja{number}",
            email=f"resident{number}@example.fi",
            email_verified_at=timezone.now(),
        )
        enrollments.append(
            enrollment_create(
                course=course, acting=acting_as(person), participant=participant_self()
            )
        )
    return enrollments


@pytest.fixture
def clerk(course: Course) -> Client:
    return staff_client("clerk", agency_slug=course.agency.slug, role=Role.CLERK)


def roster_url(name: str, course: Course, *extra: object) -> str:
    return url(name, course.agency.slug, course.code, *extra)


def test_the_roster_lists_the_enrolled_and_the_waiting_in_order(
    clerk: Client, course: Course, make_person: MakePerson
) -> None:
    fill(course, make_person, 4)
    page = clerk.get(roster_url("backoffice:roster", course)).content.decode()
    enrolled, waiting = page.split('id="waiting-title"')[0], page.split('id="waiting-title"')[1]
    assert "Osallistuja0" in enrolled and "Osallistuja1" in enrolled
    assert waiting.index("Osallistuja2") < waiting.index("Osallistuja3")
    assert "Ilmoittautuneet osallistujat (2)" in page and "Varasijat (2)" in page


def test_more_places_promote_the_first_waiting_who_is_told(
    clerk: Client,
    course: Course,
    make_person: MakePerson,
    django_capture_on_commit_callbacks: Any,
) -> None:
    *_, first_waiting, second_waiting = fill(course, make_person, 4)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = clerk.post(
            roster_url("backoffice:roster_capacity", course),
            {"capacity": "3", "waiting_capacity": "2"},
        )
    assert response.status_code == 303
    page = clerk.get(response.headers["Location"]).content.decode()
    assert "1 paikka annettiin varasijalta" in page
    assert Enrollment.objects.get(pk=first_waiting.pk).status == Status.ENROLLED
    assert Enrollment.objects.get(pk=second_waiting.pk).status == Status.WAITING
    assert [m.to for m in mail.outbox] == [["resident2@example.fi"]]


def test_places_cannot_go_below_the_enrolled_and_what_was_typed_stays(
    clerk: Client, course: Course, make_person: MakePerson
) -> None:
    fill(course, make_person, 2)
    response = clerk.post(
        roster_url("backoffice:roster_capacity", course), {"capacity": "1", "waiting_capacity": "2"}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "More people are enrolled" in page or "ilmoittautunut" in page
    assert 'name="capacity" value="1"' in page
    course.refresh_from_db()
    assert course.capacity == 2


def test_cancelling_for_a_participant_after_their_deadline_frees_the_place_for_the_waiting(
    clerk: Client,
    make_course: Any,
    make_person: MakePerson,
    django_capture_on_commit_callbacks: Any,
) -> None:
    course = make_course(cancellation_deadline=timezone.now() - timezone.timedelta(days=1))
    first, _second, waiting = fill(course, make_person, 3)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = clerk.post(roster_url("backoffice:roster_cancel", course, first.pk))
    assert response.status_code == 303
    assert Enrollment.objects.get(pk=first.pk).status == Status.CANCELLED
    assert Enrollment.objects.get(pk=waiting.pk).status == Status.ENROLLED
    assert sorted(m.to[0] for m in mail.outbox) == ["resident0@example.fi", "resident2@example.fi"]
    # A second press changes nothing.
    assert clerk.post(roster_url("backoffice:roster_cancel", course, first.pk)).status_code == 303
    course.refresh_from_db()
    assert (course.enrolled_seats, course.waiting_seats) == (2, 0)


def test_attendance_is_marked_per_session(
    clerk: Client, course: Course, make_person: MakePerson
) -> None:
    came, stayed_away = fill(course, make_person, 2)
    session = course.sessions.get()
    response = clerk.post(
        roster_url("backoffice:roster_attendance", course),
        {"session": session.pk, "present": [str(came.pk)]},
    )
    assert response.status_code == 303
    marks = dict(Attendance.objects.values_list("enrollment_id", "present"))
    assert marks == {came.pk: True, stayed_away.pk: False}
    page = clerk.get(response.headers["Location"]).content.decode()
    assert f'value="{came.pk}" id="present-{came.pk}" checked' in page
    assert f'value="{stayed_away.pk}" id="present-{stayed_away.pk}">' in page


def test_a_message_reaches_everyone_enrolled_once(
    clerk: Client, course: Course, make_person: MakePerson
) -> None:
    enrolled_1, enrolled_2, _waiting = fill(course, make_person, 3)
    data = {"body": "Ensi kerralla tila 204.", "form_key": "one-press"}
    for _press in range(2):
        response = clerk.post(roster_url("backoffice:roster_message", course), data)
        assert response.status_code == 303
    threads = Thread.objects.filter(about_kind="course", about_key=str(course.pk))
    assert sorted(t.customer_id for t in threads) == sorted(
        [enrolled_1.customer_id, enrolled_2.customer_id]
    )
    assert all(t.messages.get().body == "Ensi kerralla tila 204." for t in threads)


def test_an_empty_message_is_refused(clerk: Client, course: Course) -> None:
    response = clerk.post(roster_url("backoffice:roster_message", course), {"body": " "})
    assert response.status_code == 400


def test_the_csv_has_the_roster_and_no_identity_codes(
    clerk: Client, course: Course, make_person: MakePerson
) -> None:
    fill(course, make_person, 3)
    response = clerk.get(roster_url("backoffice:roster_csv", course))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))  # type: ignore[attr-defined]
    assert len(rows) == 4
    assert [row[2] for row in rows[1:]] == ["Osallistuja0", "Osallistuja1", "Osallistuja2"]
    assert rows[3][5] == "Varasijalla"


def test_another_agency_does_not_see_the_roster(course: Course) -> None:
    Agency.objects.create(slug=OTHER_AGENCY, name_fi="Toinen virasto")
    other = staff_client("other", agency_slug=OTHER_AGENCY)
    assert other.get(roster_url("backoffice:roster", course)).status_code == 404
    assert other.get(url("backoffice:roster", OTHER_AGENCY, course.code)).status_code == 404
