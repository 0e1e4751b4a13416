"""Files nothing took into use are deleted after ATTACHMENT_UNHELD_HOURS; held ones stay."""

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from asiointi.attachments.limits import AttachmentLimits
from asiointi.attachments.models import Attachment
from asiointi.attachments.selectors import attachments_held
from asiointi.attachments.services import (
    attachment_accept,
    attachments_hold,
    attachments_release,
)
from asiointi.attachments.tests.conftest import PDF
from asiointi.customers.acting import Acting
from asiointi.tests.personas import Personas

pytestmark = pytest.mark.django_db(transaction=True)


def upload(acting: Acting, *, hours_ago: int) -> Attachment:
    attachment = attachment_accept(
        upload=SimpleUploadedFile("a.pdf", PDF),
        limits=AttachmentLimits(),
        customer=acting.customer,
        person=acting.person,
    )
    Attachment.objects.filter(pk=attachment.pk).update(
        created_at=timezone.now() - timedelta(hours=hours_ago)
    )
    return attachment


def test_old_unheld_files_go_and_everything_else_stays(personas: Personas, clamd: str) -> None:
    resident = personas.resident_acting()
    old_unheld = upload(resident, hours_ago=25)
    old_held = upload(resident, hours_ago=25)
    new_unheld = upload(resident, hours_ago=1)
    attachments_hold(attachments=[old_held], holder="submission:1")
    output = StringIO()

    call_command("attachments_prune", stdout=output)

    assert set(Attachment.objects.all()) == {old_held, new_unheld}
    assert not Path(old_unheld.file.path).exists()
    assert Path(old_held.file.path).exists()
    assert "Deleted 1 unheld attachments older than 24 hours." in output.getvalue()


def test_a_holder_holds_exactly_what_it_was_last_given(personas: Personas, clamd: str) -> None:
    resident = personas.resident_acting()
    a, b = upload(resident, hours_ago=0), upload(resident, hours_ago=0)
    attachments_hold(attachments=[a, b], holder="draft:7")
    attachments_hold(attachments=[b], holder="draft:7")
    assert attachments_held(holder="draft:7") == [b]
    assert attachments_release(holder="draft:7") == 1
    assert attachments_held(holder="draft:7") == []


def test_production_prunes_every_hour_through_celery_beat() -> None:
    from django.conf import settings

    from asiointi.celery import app

    app.loader.import_default_modules()
    entry = settings.CELERY_BEAT_SCHEDULE["attachments-prune"]
    assert entry["task"] in app.tasks and entry["schedule"] == 3600
