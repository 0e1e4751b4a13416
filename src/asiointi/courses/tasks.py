from celery import shared_task

from asiointi.courses.retention import enrollments_prune


@shared_task
def courses_prune() -> int:
    """For the Celery beat schedule, as an alternative to running `manage.py courses_prune`."""
    return enrollments_prune()
