import pytest
from django.urls import reverse
from django.utils import timezone

from asiointi.courses.models import Course, Enrollment
from asiointi.courses.tests.conftest import MakeCourse, MakePerson, client_for
from asiointi.customers.acting import SESSION_ACTING_ORGANISATION
from asiointi.organisations.models import Organisation


@pytest.fixture
def club_client(make_person: MakePerson, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A person acting for a sports club, with the right to act granted."""
    monkeypatch.setattr(
        "asiointi.organisations.selectors.organisation_rights_check", lambda **kwargs: True
    )
    club = Organisation.objects.create(
        business_id="0737546-2", name="Uimaseura", registered_at=timezone.now()
    )
    person = make_person()
    client = client_for(person)
    session = client.session
    session[SESSION_ACTING_ORGANISATION] = club.pk
    session.save()
    return client


def enroll(client, course: Course, **data: str):  # type: ignore[no-untyped-def]
    return client.post(reverse("courses:course_enroll", kwargs={"code": course.code}), data)


def test_an_organisation_enrolls_a_group_that_takes_its_size_in_places(
    make_course: MakeCourse, club_client
) -> None:
    course = make_course(capacity=10, organisations_may_enroll=True, max_group_size=8)
    response = enroll(club_client, course, group_name="Juniorit", group_size="6")
    assert response.status_code == 303
    enrollment = Enrollment.objects.get()
    assert (enrollment.seats, enrollment.participant_name) == (6, "Juniorit")
    assert enrollment.customer.organisation is not None
    course.refresh_from_db()
    assert course.enrolled_seats == 6


def test_a_group_larger_than_allowed_is_told_so_and_nothing_is_written(
    make_course: MakeCourse, club_client
) -> None:
    course = make_course(capacity=10, organisations_may_enroll=True, max_group_size=8)
    response = enroll(club_client, course, group_name="Kaikki", group_size="9")
    assert response.status_code == 400
    assert 'value="Kaikki"' in response.content.decode()
    assert not Enrollment.objects.exists()


def test_a_group_that_does_not_fit_goes_whole_to_the_waiting_list(
    make_course: MakeCourse, club_client
) -> None:
    course = make_course(
        capacity=4, waiting_capacity=8, organisations_may_enroll=True, max_group_size=8
    )
    enroll(club_client, course, group_name="Juniorit", group_size="6")
    assert Enrollment.objects.get().status == Enrollment.Status.WAITING
    course.refresh_from_db()
    assert (course.enrolled_seats, course.waiting_seats) == (0, 6)


def test_an_organisation_cannot_enroll_where_groups_are_not_taken(
    course: Course, club_client
) -> None:
    page = club_client.get(course.get_absolute_url()).content.decode()
    assert "Companies and associations cannot enroll in this course." in page
    response = enroll(club_client, course, group_name="Juniorit", group_size="1")
    # The course's service is for residents: the page that explains it and offers the switch.
    assert response.status_code == 302
    assert "kurssi" in response["Location"]
    assert not Enrollment.objects.exists()
