from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser as User

from asiointi.privacy.models import AuditEvent


def audit_events_data(*, person: User) -> list[dict[str, Any]]:
    """The audit log's entries about what the person did, oldest first."""
    return [
        {"time": row.created_at, "action": row.action, "target": row.target}
        for row in AuditEvent.objects.filter(user_id=person.pk).order_by("created_at", "pk")
    ]
