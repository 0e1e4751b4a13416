import io
import json
import logging
from collections.abc import Iterator

import pytest
from django.test import Client

from asiointi.operations.logs import JsonFormatter, RequestContextFilter


@pytest.fixture
def json_lines() -> Iterator[io.StringIO]:
    """The root logger also writes through production's JSON handler into a buffer."""
    output = io.StringIO()
    handler = logging.StreamHandler(output)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestContextFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    yield output
    root.removeHandler(handler)


def records(output: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.getvalue().splitlines()]


@pytest.mark.django_db
def test_each_request_writes_one_json_line_with_its_id_view_status_and_duration(
    client: Client, json_lines: io.StringIO, demo_catalogue: dict[str, int]
) -> None:
    response = client.get("/fi/palvelut/", {"q": "010280-952L"})
    assert response.status_code == 200
    [line] = [r for r in records(json_lines) if r["logger"] == "asiointi.request"]
    assert line["request_id"] == response["X-Request-ID"]
    assert line["view"] == "catalogue:service_list"
    assert line["status"] == 200
    assert isinstance(line["duration_ms"], float)
    assert line["level"] == "INFO"
    assert line["path"] == "/fi/palvelut/"
    assert str(line["time"]).endswith("+00:00")
    # What the person typed (here an identity code) is not written.
    assert "010280" not in json_lines.getvalue()


def test_a_logged_exception_stays_on_one_line(json_lines: io.StringIO) -> None:
    try:
        raise ValueError("broken")
    except ValueError:
        logging.getLogger("asiointi.test").exception("it failed")
    [line] = json_lines.getvalue().splitlines()
    record = json.loads(line)
    assert record["message"] == "it failed"
    assert "ValueError: broken" in record["exception"]
    assert record["request_id"] == ""


def test_production_writes_json_and_the_embedded_profile_plain_text() -> None:
    from asiointi.tests.production import run_python_in_production

    code = "import django; django.setup(); import logging; logging.getLogger('x').warning('hello')"
    produced = run_python_in_production(code)
    assert json.loads(produced.stderr.strip().splitlines()[-1])["message"] == "hello"
    plain = run_python_in_production(code, LOG_FORMAT="plain")
    assert plain.stderr.strip().endswith("WARNING x [] hello")
    refused = run_python_in_production(code, LOG_FORMAT="xml")
    assert "LOG_FORMAT must be plain or json" in refused.stderr
