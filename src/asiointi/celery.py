"""Background work.

Production sends tasks to workers through CELERY_BROKER_URL (Redis). Without a broker (the embedded
profile and tests) each task runs in-process right after the transaction commits.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asiointi.settings")

app = Celery("asiointi")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Task failures counted for /metrics, and the request id carried into the task's log lines.
import asiointi.operations.metrics  # noqa: E402
import asiointi.operations.task_context  # noqa: E402, F401
