from celery import shared_task

from asiointi.privacy.retention import retention_apply


@shared_task
def retention_apply_task() -> int:
    """The nightly retention job (CELERY_BEAT_SCHEDULE "retention")."""
    return retention_apply().pk
