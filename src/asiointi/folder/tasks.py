import logging

from celery import shared_task
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from asiointi.folder.export import as_html, as_json, customer_data
from asiointi.folder.models import DataExport

logger = logging.getLogger(__name__)


@shared_task
def data_export_build(export_id: int) -> None:
    export = DataExport.objects.select_related("customer").filter(pk=export_id).first()
    if export is None or export.status != DataExport.Status.PENDING:
        return  # already built by an earlier delivery of this task
    try:
        data = customer_data(export.customer)
        with transaction.atomic():
            export.json_file.save("data.json", ContentFile(as_json(data)), save=False)
            html = as_html(data, language=export.language)
            export.html_file.save("data.html", ContentFile(html), save=False)
            export.status = DataExport.Status.READY
            export.finished_at = timezone.now()
            export.save()
    except Exception:
        logger.exception("Preparing data export %s failed", export_id)
        DataExport.objects.filter(pk=export_id).update(
            status=DataExport.Status.FAILED, finished_at=timezone.now()
        )
