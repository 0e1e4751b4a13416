"""The customer's enrollments in their copy of their data ("download my data")."""

import json
from datetime import date

from asiointi.courses.models import Course
from asiointi.courses.services import (
    enrollment_cancel,
    enrollment_create,
    participant_dependant,
    participant_self,
)
from asiointi.courses.tests.conftest import MakePerson, acting_as
from asiointi.folder.export import as_html, as_json, customer_data


def test_my_data_lists_every_enrollment_of_mine_and_nobody_elses(
    course: Course, make_person: MakePerson
) -> None:
    person = make_person()
    acting = acting_as(person)
    child = participant_dependant(name="Aino Virtanen", birth_date=date(2018, 5, 24))
    enrollment_create(course=course, acting=acting, participant=child, answers={"allergy": "ei"})
    mine = enrollment_create(course=course, acting=acting, participant=participant_self())
    enrollment_cancel(enrollment=mine, acting=acting)
    stranger = acting_as(make_person())
    enrollment_create(course=course, acting=stranger, participant=participant_self())

    data = json.loads(as_json(customer_data(acting.customer)))

    enrollments = data["course_enrollments"]
    assert [(e["participant"], e["status"]) for e in enrollments] == [
        ("Aino Virtanen", "enrolled"),
        (person.get_full_name(), "cancelled"),
    ]
    assert enrollments[0]["course_code"] == course.code
    assert enrollments[0]["participant_date_of_birth"] == "2018-05-24"
    assert enrollments[0]["answers"] == {"allergy": "ei"}
    assert enrollments[0]["enrolled_by"] == person.get_full_name()
    assert enrollments[1]["cancelled_at"]
    readable = as_html(customer_data(acting.customer), language="sv").decode()
    assert "Kursanmälningar" in readable and "Aino Virtanen" in readable
    theirs = customer_data(stranger.customer)["course_enrollments"]
    assert [e["participant"] for e in theirs] == [stranger.person.get_full_name()]
