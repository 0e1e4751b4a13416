from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from asiointi.courses.retention import enrollments_prune


class Command(BaseCommand):
    help = (
        "Delete the enrollments (and their folder entries) of courses that ended more than "
        "COURSE_ENROLLMENT_RETENTION_DAYS ago (run it nightly)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days", type=int, default=None, help="Override COURSE_ENROLLMENT_RETENTION_DAYS."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days"]
        days = settings.COURSE_ENROLLMENT_RETENTION_DAYS if days is None else days
        deleted = enrollments_prune(days=days)
        self.stdout.write(
            f"Deleted {deleted} enrollments of courses that ended more than {days} days ago."
        )
