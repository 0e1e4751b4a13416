import os
import subprocess
import sys

import pytest
import redis
from django.conf import settings as django_settings
from django.test import Client
from prometheus_client.parser import text_string_to_metric_families

TOKEN = "m" * 40


def scraped(client: Client) -> dict[str, float]:
    response = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200
    values = {}
    for family in text_string_to_metric_families(response.content.decode()):
        for sample in family.samples:
            labels = ",".join(f"{k}={v}" for k, v in sorted(sample.labels.items()))
            values[f"{sample.name}{{{labels}}}"] = sample.value
    return values


@pytest.fixture
def token(settings) -> str:
    settings.METRICS_TOKEN = TOKEN
    return TOKEN


def test_without_a_token_configured_the_address_does_not_exist(client, settings) -> None:
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics").status_code == 404


def test_a_wrong_or_missing_token_is_refused(client: Client, token: str) -> None:
    assert client.get("/metrics").status_code == 401
    wrong = client.get("/metrics", headers={"Authorization": "Bearer " + "x" * 40})
    assert wrong.status_code == 401


@pytest.mark.django_db
def test_request_latency_is_counted_by_view(client: Client, token: str, demo_catalogue) -> None:
    key = "asiointi_request_duration_seconds_count{method=GET,status=200,view=catalogue:help_index}"
    before = scraped(client).get(key, 0)
    client.get("/fi/ohjeet/")
    client.get("/en/help/")
    assert scraped(client)[key] == before + 2


def test_identification_failures_are_counted_by_reason(client: Client, token: str) -> None:
    from asiointi.identity.providers.base import IdentificationFailed
    from asiointi.identity.services import identification_failed

    key = "asiointi_identification_failures_total{reason=cancelled}"
    before = scraped(client).get(key, 0)
    request = Client().get("/healthz").wsgi_request
    failure = IdentificationFailed("cancelled", "the person pressed cancel")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("asiointi.identity.services.audit_record", lambda **kwargs: None)
        identification_failed(request=request, failure=failure)
    assert scraped(client)[key] == before + 1


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="the queue depth is read from Redis")
def test_queue_depth_is_the_brokers_list_length(client: Client, settings, token: str) -> None:
    database = int(os.environ.get("TEST_REDIS_DB", "10"))
    base = os.environ["REDIS_URL"].rsplit("/", 1)[0]
    settings.CELERY_BROKER_URL = f"{base}/{database}"
    settings.METRICS_QUEUES = ["asiointi-test-queue"]
    broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    broker.delete("asiointi-test-queue")
    broker.rpush("asiointi-test-queue", "a", "b", "c")
    try:
        depth = scraped(client)["asiointi_task_queue_depth{queue=asiointi-test-queue}"]
    finally:
        broker.delete("asiointi-test-queue")
    assert depth == 3


def test_several_processes_are_summed_in_multiprocess_mode(tmp_path, client, token) -> None:
    """Two processes (two gunicorn workers, or a worker and a web node) count into one directory;
    a third one's /metrics answer sums them."""
    count_one = (
        "import django; django.setup();"
        "from asiointi.operations.metrics import SUBMISSIONS_SENT; SUBMISSIONS_SENT.inc()"
    )
    scrape = (
        "import django; django.setup(); from django.test import Client;"
        f"print(Client().get('/metrics', headers={{'Authorization': 'Bearer {TOKEN}'}})"
        ".content.decode())"
    )
    env = {
        **os.environ,
        "DEBUG": "true",
        "DJANGO_SETTINGS_MODULE": "asiointi.settings",
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path),
        "METRICS_TOKEN": TOKEN,
        "ALLOWED_HOSTS": "testserver",
    }
    for _ in range(2):
        subprocess.run(  # noqa: S603
            [sys.executable, "-c", count_one], env=env, check=True, cwd=django_settings.BASE_DIR
        )
    output = subprocess.run(  # noqa: S603
        [sys.executable, "-c", scrape], env=env, check=True, capture_output=True, text=True
    ).stdout
    assert "asiointi_submissions_sent_total 2.0" in output
