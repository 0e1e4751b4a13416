"""Enrollments are deleted COURSE_ENROLLMENT_RETENTION_DAYS after their course ended."""

from datetime import timedelta
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from asiointi.courses.models import Course, CourseSession, Enrollment
from asiointi.courses.services import enrollment_create, participant_self
from asiointi.courses.tests.conftest import MakeCourse, MakePerson, acting_as
from asiointi.folder.models import FolderItem


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


@override_settings(COURSE_ENROLLMENT_RETENTION_DAYS=30)
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
    output = StringIO()

    call_command("courses_prune", stdout=output)

    assert not Enrollment.objects.filter(course=old).exists()
    assert Enrollment.objects.filter(course=recent).count() == 3
    assert Enrollment.objects.filter(course=coming).count() == 3
    assert FolderItem.objects.filter(kind="enrollment").count() == 6
    assert Course.objects.filter(pk=old.pk).exists(), "the course itself stays"
    assert "Deleted 3 enrollments of courses that ended more than 30 days ago." in (
        output.getvalue()
    )


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
    call_command("courses_prune", "--days=400", stdout=StringIO())
    assert Enrollment.objects.filter(course=course).exists()
    call_command("courses_prune", stdout=StringIO())  # the default, 365 days
    assert not Enrollment.objects.filter(course=course).exists()


def test_production_prunes_daily_through_celery_beat() -> None:
    from asiointi.celery import app

    app.loader.import_default_modules()
    entry = settings.CELERY_BEAT_SCHEDULE["courses-prune"]
    assert entry["task"] in app.tasks and entry["schedule"] == 24 * 60 * 60
    assert "attachments-prune" in settings.CELERY_BEAT_SCHEDULE
