"""With S3_BUCKET set, attachments and the default storage live in an S3-compatible bucket.

The bucket is moto's S3 server, started here on a free local port (no network)."""

import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import boto3
import pytest
import requests
from django.conf import LazySettings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from asiointi.attachments.limits import AttachmentLimits
from asiointi.attachments.services import attachment_accept, attachment_delete
from asiointi.attachments.tests.conftest import PDF
from asiointi.tests.personas import Personas
from asiointi.tests.production import run_python_in_production

pytestmark = pytest.mark.django_db
BUCKET = "asiointi-files"
KEYS = {"access_key": "test-access-key", "secret_key": "test-secret-key"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    port = _free_port()
    endpoint = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(endpoint, timeout=10)
                break
            except requests.RequestException:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("moto's S3 server did not start")
                time.sleep(0.1)
        yield endpoint
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def bucket(s3_endpoint: str, settings: LazySettings) -> Iterator[object]:
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="eu-north-1",
        aws_access_key_id=KEYS["access_key"],
        aws_secret_access_key=KEYS["secret_key"],
    )
    client.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-north-1"}
    )
    options = {
        "bucket_name": BUCKET,
        "endpoint_url": s3_endpoint,
        "region_name": "eu-north-1",
        "default_acl": None,
        "querystring_auth": True,
        "file_overwrite": False,
        **KEYS,
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**options, "location": "media"},
        },
        "attachments": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**options, "location": "attachments"},
        },
    }
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def keys_in(client) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []))


def test_an_accepted_attachment_is_stored_in_the_bucket_and_read_back(
    personas: Personas, clamd: str, bucket, django_capture_on_commit_callbacks
) -> None:
    resident = personas.resident_acting()
    attachment = attachment_accept(
        upload=SimpleUploadedFile("hakemus.pdf", PDF, content_type="application/pdf"),
        limits=AttachmentLimits(media_types=frozenset({"application/pdf"})),
        customer=resident.customer,
        person=resident.person,
    )
    key = f"attachments/{attachment.file.name}"
    assert keys_in(bucket) == [key]
    assert bucket.get_object(Bucket=BUCKET, Key=key)["Body"].read() == PDF
    # Private: the bucket grants no one but the portal's key.
    grants = bucket.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    assert all(g["Grantee"].get("URI", "").find("AllUsers") < 0 for g in grants)
    with attachment.file.open("rb") as stored:
        assert stored.read() == PDF
    with django_capture_on_commit_callbacks(execute=True):
        attachment_delete(attachment=attachment)
    assert keys_in(bucket) == []


def test_the_default_storage_writes_under_media(bucket) -> None:
    name = default_storage.save("exports/copy.txt", ContentFile(b"data"))
    assert keys_in(bucket) == [f"media/{name}"]


def test_production_settings_choose_the_bucket_when_one_is_named() -> None:
    code = (
        "import django; django.setup(); from django.core.files.storage import storages;"
        "s = storages['attachments']; print(type(s).__name__, s.bucket_name, s.location,"
        " s.endpoint_url, s.region_name)"
    )
    chosen = run_python_in_production(
        code,
        S3_BUCKET="kaupunki-asiointi",
        S3_ENDPOINT_URL="https://s3.example.fi",
        S3_REGION="eu-north-1",
        S3_ACCESS_KEY_ID="id",
        S3_SECRET_ACCESS_KEY="secret",
    )
    assert chosen.stdout.split() == [
        "S3Storage",
        "kaupunki-asiointi",
        "attachments",
        "https://s3.example.fi",
        "eu-north-1",
    ]
    shared = run_python_in_production(
        "import django; django.setup(); from django.core.files.storage import storages;"
        "print(storages['attachments'].location)",
        FILES_DIR="/srv/asiointi-files",
        S3_BUCKET=None,
    )
    assert shared.stdout.strip() == "/srv/asiointi-files/attachments"
