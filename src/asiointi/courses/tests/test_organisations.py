import pytest
from django.urls import reverse
from django.utils import timezone

from asiointi.courses.models import Course, Enrollment
from asiointi.courses.tests.conftest import MakeCourse, MakePerson, client_for
from asiointi.customers.acting import SESSION_ACTING_ORGANISATION
from asiointi.organisations.models import Organisation
from asiointi.organisations.selectors import Rights, rights_remember
from asiointi.privacy.models import AuditEvent


@pytest.fixture
def club_client(make_person: MakePerson, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A person acting for a sports club, with the right to act granted."""
    club = Organisation.objects.create(
        business_id="0737546-2", name="Uimaseura", registered_at=timezone.now()
    )
    person = make_person()
    # e-Authorizations' answer a moment ago, as the organisations app keeps it: the chair.
    rights_remember(person=person, organisation=club, rights=Rights(roles=("PJ",)))
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


def test_a_mandate_for_another_service_neither_enrolls_nor_sees_the_clubs_enrollments(
    make_course: MakeCourse, club_client
) -> None:
    course = make_course(capacity=10, organisations_may_enroll=True, max_group_size=8)
    enroll(club_client, course, group_name="Juniorit", group_size="6")
    enrollment = Enrollment.objects.select_related("customer__organisation").get()
    club = enrollment.customer.organisation
    assert club is not None
    person = enrollment.acting_person
    # e-Authorizations now answers: a mandate for another of the club's services only.
    rights_remember(person=person, organisation=club, rights=Rights(issues=("uimakoulu",)))
    cancel = reverse("courses:enrollment_cancel", kwargs={"pk": enrollment.pk})
    assert club_client.get(enrollment.get_absolute_url()).status_code == 404
    assert club_client.post(cancel).status_code == 404
    assert "Juniorit" not in club_client.get(course.get_absolute_url()).content.decode()
    response = enroll(club_client, course, group_name="Seniorit", group_size="2")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("organisations:refused"))
    refused = club_client.get(response["Location"])
    assert refused.status_code == 403
    assert "you have no mandate for this service" in refused.content.decode()
    assert Enrollment.objects.count() == 1
    # A mandate for the course's own service opens the club's enrollment again.
    rights_remember(person=person, organisation=club, rights=Rights(issues=(course.service.slug,)))
    assert club_client.get(enrollment.get_absolute_url()).status_code == 200
    assert "Juniorit" in club_client.get(course.get_absolute_url()).content.decode()


def test_pages_showing_a_clubs_enrollments_are_audit_logged(
    make_course: MakeCourse, club_client
) -> None:
    """Acting for an organisation, its enrollments are read by one of the people its role lets
    in: the audit log's kind of access (docs/architecture.md, Audit log)."""
    course = make_course(capacity=10, organisations_may_enroll=True, max_group_size=8)
    enroll(club_client, course, group_name="Juniorit", group_size="6")
    enrollment = Enrollment.objects.get()
    assert "Juniorit" in club_client.get(enrollment.get_absolute_url()).content.decode()
    assert "Juniorit" in club_client.get(course.get_absolute_url()).content.decode()
    audited = set(
        AuditEvent.objects.filter(action=AuditEvent.Action.PERSONAL_DATA_READ).values_list(
            "target", flat=True
        )
    )
    assert audited == {f"courses.enrollment:{enrollment.pk}", f"courses.enrollments:{course.code}"}
