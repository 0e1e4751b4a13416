import logging
from typing import Any

from django.http import HttpRequest
from django.views.decorators.debug import sensitive_variables

from asiointi.client_ip import client_ip
from asiointi.identity.models import User
from asiointi.privacy.identity_codes import identity_code_digest, identity_code_normalise
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
        user=user,
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


@sensitive_variables()
def audit_person_find(
    *, identity_code: str, auditor: User, request: HttpRequest | None = None
) -> User | None:
    """The resident with this identity code, found by its keyed hash, for searching the audit
    log. The search is itself audited (who looked, whether someone was found; never the code).
    A mistyped code is a ValidationError in the auditor's language."""
    code = identity_code_normalise(identity_code)
    person = User.objects.filter(identity_code_digest=identity_code_digest(code)).first()
    audit_record(
        action=AuditEvent.Action.PERSON_LOOKUP,
        request=request,
        user=auditor,
        target=f"user:{person.pk}" if person else "",
        details={"found": person is not None, "purpose": "audit_log_search"},
    )
    return person
