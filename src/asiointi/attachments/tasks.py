from celery import shared_task

from asiointi.attachments.services import attachments_prune_unheld


@shared_task
def attachments_prune() -> int:
    """For a Celery beat schedule, as an alternative to running `manage.py attachments_prune`."""
    return attachments_prune_unheld()
