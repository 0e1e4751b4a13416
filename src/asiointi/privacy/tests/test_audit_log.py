import logging

import pytest
from django.test import RequestFactory

from asiointi.identity.models import User
from asiointi.privacy.models import AuditEvent
from asiointi.privacy.services import audit_record

pytestmark = pytest.mark.django_db


def test_an_event_records_who_what_when_and_from_where(caplog: pytest.LogCaptureFixture) -> None:
    user = User.objects.create(username="tessa")
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.7", HTTP_USER_AGENT="Firefox")
    request.user = user
    with caplog.at_level(logging.INFO, logger="asiointi.audit"):
        event = audit_record(action=AuditEvent.Action.LOGIN, request=request, target="oidc")
    event.refresh_from_db()
    assert (event.user, event.ip_address, event.user_agent) == (user, "192.0.2.7", "Firefox")
    assert event.created_at is not None
    assert "action=login" in caplog.text and "192.0.2.7" in caplog.text


def test_the_admin_cannot_alter_the_audit_log() -> None:
    from django.contrib.admin.sites import site

    request = RequestFactory().get("/")
    request.user = User.objects.create(username="admin", is_staff=True, is_superuser=True)
    model_admin = site._registry[AuditEvent]
    assert not model_admin.has_delete_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_add_permission(request)
