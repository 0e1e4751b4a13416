from typing import Any

from django.core.management.base import BaseCommand

from asiointi.submissions.services import drafts_expired_delete


class Command(BaseCommand):
    help = "Delete drafts past their retention date (run nightly; Celery beat can run the task)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{drafts_expired_delete()} expired drafts deleted.")
