"""Enrollments are deleted (or anonymised) their retention rule's days after their course ended."""

from datetime import date, timedelta
from io import StringIO
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from asiointi.catalogue.models import Service
from asiointi.courses.models import Course, CourseSession, Enrollment
from asiointi.courses.services import enrollment_create, participant_dependant, participant_self
from asiointi.courses.tests.conftest import MakeCourse, MakePerson, acting_as
from asiointi.folder.models import FolderItem
from asiointi.privacy.models import RetentionRule, RetentionRun


def ended(course: Course, days_ago: int) -> Course:
    """Move the course into the past: its last session ended that many days ago."""
    end = timezone.now() - timedelta(days=days_ago)
    CourseSession.objects.filter(course=course).update(
        starts_at=end - timedelta(hours=2), ends_at=end
    )
    CourseSession.objects.create(
        course=course, starts_at=end - timedelta(days=7), ends_at=end - timedelta(days=7)
    )
    return course


def rule(days: int, action: str = "delete", service: Any = None) -> None:
    RetentionRule.objects.update_or_create(
        kind="enrollments", service=service, defaults={"days": days, "action": action}
    )


def test_enrollments_of_courses_ended_longer_ago_are_deleted_with_their_folder_entries(
    make_course: MakeCourse, make_person: MakePerson
) -> None:
    old, recent, coming = make_course(), make_course(), make_course()
    for course in (old, recent, coming):
        for _ in range(3):  # enrolled, enrolled, waiting
            enrollment_create(
                course=course, acting=acting_as(make_person()), participant=participant_self()
            )
    ended(old, days_ago=31)
    ended(recent, days_ago=29)  # its first session ended 36 days ago: the last one counts
    rule(30)
    output = StringIO()

    call_command("retention_apply", stdout=output)

    assert not Enrollment.objects.filter(course=old).exists()
    assert Enrollment.objects.filter(course=recent).count() == 3
    assert Enrollment.objects.filter(course=coming).count() == 3
    assert FolderItem.objects.filter(kind="enrollment").count() == 6
    assert Course.objects.filter(pk=old.pk).exists(), "the course itself stays"
    assert "enrollments: anonymised 0, deleted 3" in output.getvalue()
    run = RetentionRun.objects.get()
    assert run.counts["enrollments"] == {"deleted": 3, "anonymised": 0}


def test_an_anonymising_override_keeps_the_rows_without_the_participant(
    make_course: MakeCourse, make_person: MakePerson
) -> None:
    course = make_course()
    enrollment_create(
        course=course,
        acting=acting_as(make_person()),
        participant=participant_dependant(name="Ville Lapsi", birth_date=date(2015, 3, 1)),
        answers={"allergies": "pähkinä"},
    )
    other = make_course(
        service=Service.objects.create(slug="muu", name="Muu", agency=course.agency)
    )
    enrollment_create(course=other, acting=acting_as(make_person()), participant=participant_self())
    ended(course, days_ago=40)
    ended(other, days_ago=40)
    rule(30)
    rule(30, "anonymise", service=course.service)

    call_command("retention_apply", stdout=StringIO())

    kept = Enrollment.objects.get()
    assert kept.course == course and kept.participant_name == "" and kept.answers == {}
    assert kept.participant_birth_date is None
    assert not Enrollment.objects.filter(course=other).exists()


def test_the_folder_says_until_when_an_enrollment_is_kept(
    make_course: MakeCourse, make_person: MakePerson
) -> None:
    course = ended(make_course(), days_ago=2)
    enrollment = enrollment_create(
        course=course, acting=acting_as(make_person()), participant=participant_self()
    )
    rule(100)
    call_command("retention_apply", stdout=StringIO())
    item = FolderItem.objects.get(kind="enrollment", key=str(enrollment.pk))
    assert item.kept_until == timezone.localdate() - timedelta(days=2) + timedelta(days=100)


def test_a_course_without_sessions_has_ended_when_enrollment_closed(
    make_course: MakeCourse, make_person: MakePerson
) -> None:
    now = timezone.now()
    course = make_course(opens_at=now - timedelta(days=400), cancellation_deadline=now)
    enrollment_create(
        course=course,
        acting=acting_as(make_person()),
        participant=participant_self(),
        now=now - timedelta(days=399),
    )
    Course.objects.filter(pk=course.pk).update(closes_at=now - timedelta(days=370))
    CourseSession.objects.filter(course=course).delete()
    rule(400)
    call_command("retention_apply", stdout=StringIO())
    assert Enrollment.objects.filter(course=course).exists()
    rule(365)
    call_command("retention_apply", stdout=StringIO())
    assert not Enrollment.objects.filter(course=course).exists()


def test_production_applies_retention_daily_through_celery_beat() -> None:
    from asiointi.celery import app

    app.loader.import_default_modules()
    entry = settings.CELERY_BEAT_SCHEDULE["retention"]
    assert entry["task"] in app.tasks and entry["schedule"] == 24 * 60 * 60
    assert "attachments-prune" in settings.CELERY_BEAT_SCHEDULE
