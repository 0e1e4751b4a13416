"""Every admin list and page shows identity codes masked (010280-****), wherever one ended up."""

from datetime import timedelta
from typing import Any

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from asiointi.attachments.models import Attachment
from asiointi.catalogue.models import Service
from asiointi.courses.models import Course, Enrollment
from asiointi.customers.services import customer_for_person
from asiointi.identity.models import User
from asiointi.privacy.identity_codes import (
    identity_code_digest,
    identity_code_encrypt,
    identity_codes_masked,
)
from asiointi.privacy.models import AuditEvent

# The rows below carry a code on purpose: the admin must show it masked.
pytestmark = pytest.mark.identity_code_written_on_purpose

CODE = "010280-952L"
CHILD = "010516B903X"


def test_codes_in_text_are_masked_and_look_alikes_are_left_alone() -> None:
    text = f"GET /register/{CODE}: HTTP 401; child {CHILD.lower()}; order 123456-1234"
    assert identity_codes_masked(text) == (
        "GET /register/010280-****: HTTP 401; child 010516b****; order 123456-1234"
    )


@pytest.fixture
def resident(db: None) -> User:
    return User.objects.create(
        username="person-1",
        first_name="Tessa",
        identity_code_digest=identity_code_digest(CODE),
        identity_code_encrypted=identity_code_encrypt(CODE),
    )


@pytest.fixture
def records(resident: User, demo_catalogue: Any) -> None:
    customer = customer_for_person(resident)
    AuditEvent.objects.create(
        action="login_failed",
        user=resident,
        target=f"/register/{CODE}",
        user_agent=CODE,
        details={"error": f"GET /service/ypa/user/register/asiointi/{CODE}: HTTP 401"},
    )
    Attachment.objects.create(
        customer=customer,
        person=resident,
        file="x.pdf",
        original_name=f"todistus {CODE}.pdf",
        media_type="application/pdf",
        size=1,
        sha256="0" * 64,
    )
    service = Service.objects.filter(kind="course").first() or Service.objects.first()
    assert service is not None
    now = timezone.now()
    course = Course.objects.create(
        code="k-1",
        service=service,
        agency=service.agency,
        name_fi="Keramiikka",
        term="kevät 2027",
        capacity=2,
        opens_at=now,
        closes_at=now + timedelta(days=3),
        cancellation_deadline=now + timedelta(days=2),
    )
    Enrollment.objects.create(
        course=course,
        customer=customer,
        acting_person=resident,
        participant_key=f"child:{CHILD}",
        participant_name=f"Lapsi {CHILD}",
        status="enrolled",
        answers={"hetu": CHILD, "note": f"sisaren tunnus {CODE}"},
    )


def admin_pages() -> list[str]:
    """Every registered model's list, and the page of each of its first rows."""
    pages = []
    for model in admin.site._registry:
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages.append(reverse(f"{name}_changelist"))
        for pk in model._default_manager.values_list("pk", flat=True)[:5]:
            pages.append(reverse(f"{name}_change", args=[pk]))
    return pages


@pytest.mark.usefixtures("records")
def test_no_admin_page_shows_an_identity_code(verified_admin_client: Client) -> None:
    with translation.override("en"):
        pages = admin_pages()
    assert any("/enrollment/" in p and p.endswith("/change/") for p in pages)
    shown = []
    for page in pages:
        response = verified_admin_client.get(page)
        assert response.status_code == 200, page
        content = response.content.decode()
        shown += [page for code in (CODE, CHILD) if code in content or code.lower() in content]
    assert shown == [], shown
    person = verified_admin_client.get(
        f"/en/admin/identity/user/{User.objects.get(username='person-1').pk}/change/"
    )
    assert "010280-****" in person.content.decode()
