from typing import Any

from django.core.management.base import BaseCommand

from asiointi.privacy.retention import retention_apply


class Command(BaseCommand):
    help = (
        "Apply the retention rules to every kind of record and record the counts (run it "
        "nightly where there is no Celery beat)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        run = retention_apply()
        for kind, counts in sorted(run.counts.items()):
            done = ", ".join(f"{action} {number}" for action, number in sorted(counts.items()))
            self.stdout.write(f"{kind}: {done or 'nothing'}")
        for kind in run.failed:
            self.stderr.write(f"{kind}: failed (see the log)")
