"""Prometheus metrics, served at /metrics to a scraper holding METRICS_TOKEN.

With several gunicorn workers (and the Celery worker on the same host) each process writes its
counts to files in PROMETHEUS_MULTIPROC_DIR, and /metrics sums them, so any worker's answer
covers the whole host. The directory is emptied before the processes start (make prod-up does).
Without the variable each process counts for itself (one process, the tests).
"""

import hmac
import os
from collections.abc import Iterator
from typing import Any

from celery.signals import task_failure, task_retry
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

REQUEST_SECONDS = Histogram(
    "asiointi_request_duration_seconds",
    "Time from the request reaching Django to its response, by view.",
    ["view", "method", "status"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
TASK_FAILURES = Counter(
    "asiointi_task_failures_total",
    "Celery tasks that raised (failed for good, or before a retry), by task.",
    ["task", "outcome"],
)
ENROLLMENTS = Counter(
    "asiointi_enrollments_total",
    "Course enrollments made, by the answer given (enrolled, waiting, queued, full).",
    ["status"],
)
SUBMISSIONS_SENT = Counter(
    "asiointi_submissions_sent_total",
    "Forms sent by residents (each submission once, however often it was pressed).",
)
IDENTIFICATION_FAILURES = Counter(
    "asiointi_identification_failures_total",
    "Identifications refused, by reason (cancelled, failed, expired, too_weak ...).",
    ["reason"],
)


def _task_name(sender: Any) -> str:
    return str(getattr(sender, "name", "") or "unknown")


@task_failure.connect
def _task_failed(sender: Any = None, **kwargs: Any) -> None:
    TASK_FAILURES.labels(task=_task_name(sender), outcome="failed").inc()


@task_retry.connect
def _task_retried(sender: Any = None, **kwargs: Any) -> None:
    TASK_FAILURES.labels(task=_task_name(sender), outcome="retried").inc()


class QueueDepthCollector(Collector):
    """Messages waiting in the broker's queues, read when scraped: the Redis list per queue."""

    def collect(self) -> Iterator[GaugeMetricFamily]:
        gauge = GaugeMetricFamily(
            "asiointi_task_queue_depth",
            "Tasks waiting in the broker for a worker (Redis list length), by queue.",
            labels=["queue"],
        )
        broker = settings.CELERY_BROKER_URL
        if broker.startswith(("redis://", "rediss://")):
            import redis

            client = redis.Redis.from_url(broker, socket_timeout=2, socket_connect_timeout=2)
            try:
                for queue in settings.METRICS_QUEUES:
                    gauge.add_metric([queue], float(client.llen(queue)))
            except redis.RedisError:
                pass  # no figure rather than a failed scrape; /readyz says the broker is down
            finally:
                client.close()
        yield gauge


def registry() -> CollectorRegistry:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        collected = CollectorRegistry()
        multiprocess.MultiProcessCollector(collected)  # type: ignore[no-untyped-call]
    else:
        collected = REGISTRY
    return collected


def metrics(request: HttpRequest) -> HttpResponse:
    token = settings.METRICS_TOKEN
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if not token:
        raise Http404  # off: the address does not exist
    if not hmac.compare_digest(given.encode(), token.encode()):
        return HttpResponse("token required\n", status=401, content_type="text/plain")
    collected = registry()
    output = generate_latest(collected)
    queue = CollectorRegistry()
    queue.register(QueueDepthCollector())
    output += generate_latest(queue)
    return HttpResponse(output, content_type=CONTENT_TYPE_LATEST)
