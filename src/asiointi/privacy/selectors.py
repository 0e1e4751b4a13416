from datetime import datetime
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser as User
from django.db.models import QuerySet

from asiointi.privacy.models import AuditEvent


def audit_events_data(*, person: User) -> list[dict[str, Any]]:
    """The audit log's entries about what the person did, oldest first."""
    return [
        {"time": row.created_at, "action": row.action, "target": row.target}
        for row in AuditEvent.objects.filter(user_id=person.pk).order_by("created_at", "pk")
    ]


def audit_events_search(
    *,
    person: User | None = None,
    staff: User | None = None,
    actions: list[str] | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> QuerySet[AuditEvent]:
    """The audit log filtered for an auditor, newest first. It checks no role: the back office
    page calls it only for staff with the auditor role, and finds `person` by identity code
    (itself audited) and `staff` among the members of staff."""
    events = AuditEvent.objects.select_related("user")
    if person is not None:
        events = events.filter(user_id=person.pk)
    if staff is not None:
        events = events.filter(user_id=staff.pk)
    if actions:
        events = events.filter(action__in=actions)
    if since is not None:
        events = events.filter(created_at__gte=since)
    if until is not None:
        events = events.filter(created_at__lt=until)
    return events.order_by("-created_at", "-pk")
