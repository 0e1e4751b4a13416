from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from asiointi.attachments.services import attachments_prune_unheld


class Command(BaseCommand):
    help = (
        "Delete uploaded attachments that no draft, submission or message took into use "
        "within ATTACHMENT_UNHELD_HOURS (run it hourly or nightly)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--hours", type=int, default=None, help="Override ATTACHMENT_UNHELD_HOURS."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        hours = (
            options["hours"] if options["hours"] is not None else settings.ATTACHMENT_UNHELD_HOURS
        )
        deleted = attachments_prune_unheld(older_than=timedelta(hours=hours))
        self.stdout.write(f"Deleted {deleted} unheld attachments older than {hours} hours.")
