import logging
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser as User
from django.http import HttpRequest

from asiointi.client_ip import client_ip
from asiointi.privacy.models import AuditEvent

logger = logging.getLogger("asiointi.audit")


def audit_record(
    *,
    action: AuditEvent.Action,
    request: HttpRequest | None = None,
    user: User | None = None,
    target: str = "",
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Record an audited event. `details` must not contain identity codes or form contents."""
    ip_address, user_agent = None, ""
    if request is not None:
        ip_address = client_ip(request) or None
        user_agent = request.META.get("HTTP_USER_AGENT", "")[:300]
        if user is None and request.user.is_authenticated:
            user = request.user  # type: ignore[assignment]
    event = AuditEvent.objects.create(
        action=action,
        # By id: privacy stands below identity (the user model's app) and does not import it.
        user_id=user.pk if user is not None else None,
        target=target[:200],
        ip_address=ip_address,
        user_agent=user_agent,
        details=details or {},
    )
    logger.info(
        "audit action=%s user=%s target=%s ip=%s",
        action,
        user.pk if user else "-",
        target or "-",
        ip_address or "-",
    )
    return event
