"""A resident who has used everything: a sent form with a file, a draft, a thread with a
decision, a course enrollment, notification preferences, a confirmation code, an unheld file."""

import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from joserfc import jwt
from joserfc.jwk import RSAKey

from asiointi.attachments.models import Attachment
from asiointi.catalogue.demo import load_demo as load_catalogue
from asiointi.catalogue.models import Agency, Service
from asiointi.courses.models import Course, CourseSession, Enrollment
from asiointi.courses.services import enrollment_create, participant_self
from asiointi.customers.acting import Acting
from asiointi.customers.models import Customer
from asiointi.customers.services import customer_for_person
from asiointi.devidp.keys import sign
from asiointi.eforms.demo import load_demo as load_forms
from asiointi.folder.messaging import message_send
from asiointi.folder.services import notification_preference_set
from asiointi.identity.models import User
from asiointi.registration.models import ContactVerification
from asiointi.submissions.models import Draft, Submission
from asiointi.submissions.tests.conftest import make_resident
from asiointi.submissions.tests.support import fill_parking, url

SUBJECT = "8c1f2a7e-tessa"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class Holdings:
    person: User
    customer: Customer
    client: Client
    submission: Submission
    draft: Draft
    enrollment: Enrollment
    course: Course
    files: list[str]


def _file(customer: Customer, person: User, holder: str) -> Attachment:
    return Attachment.objects.create(
        customer=customer,
        person=person,
        file=ContentFile(b"%PDF-1.4 liite", name="liite.pdf"),
        original_name="liite.pdf",
        media_type="application/pdf",
        size=14,
        sha256="0" * 64,
        holder=holder,
    )


def course_ended(course: Course) -> None:
    end = timezone.now() - timedelta(days=2)
    CourseSession.objects.filter(course=course).update(
        starts_at=end - timedelta(hours=1), ends_at=end
    )


def holdings_make(django_capture_on_commit_callbacks: Any) -> Holdings:
    load_catalogue()
    load_forms()
    person = make_resident("010280-952L", "Tessa", "Testilä", "tessa@example.fi")
    User.objects.filter(pk=person.pk).update(
        provider_subject=SUBJECT, mobile_number="+358401234567"
    )
    person.refresh_from_db()
    customer = customer_for_person(person)
    client = Client()
    client.force_login(person)
    submission, held, draft = _forms(client, customer, person, django_capture_on_commit_callbacks)
    unheld = _file(customer, person, "")
    _decision_and_contacts(customer, person, django_capture_on_commit_callbacks)
    course = _course()
    with django_capture_on_commit_callbacks(execute=True):
        enrollment = enrollment_create(
            course=course,
            acting=Acting(person=person, customer=customer),
            participant=participant_self(),
        )
    message_files = [m.document.name for m in customer.threads.get().messages.all()]
    return Holdings(
        person=person,
        customer=customer,
        client=client,
        submission=submission,
        draft=draft,
        enrollment=enrollment,
        course=course,
        files=[held.file.name, unheld.file.name, *message_files],
    )


def _forms(
    client: Client, customer: Customer, person: User, on_commit: Any
) -> tuple[Submission, Attachment, Draft]:
    """A decided parking permit with a file, and a draft of another."""
    fill_parking(client)
    with on_commit(execute=True):
        client.post(url("submissions:draft_check", Draft.objects.get().pk))
    submission = Submission.objects.get()
    Submission.objects.filter(pk=submission.pk).update(status=Submission.Status.DECIDED)
    held = _file(customer, person, f"submission:{submission.pk}")
    draft_page = client.post(url("eforms:start", "asukaspysakointitunnus"))
    assert draft_page.status_code == 302
    return submission, held, Draft.objects.get()


def _decision_and_contacts(customer: Customer, person: User, on_commit: Any) -> None:
    """A decision in a thread, an e-mail preference and a confirmed e-mail address."""
    agency = Agency.objects.first()
    assert agency is not None
    with on_commit(execute=True):
        message_send(
            customer=customer,
            agency=agency,
            subject="Päätös",
            body="Myönnetty",
            document=PDF,
            document_name="paatos.pdf",
        )
    notification_preference_set(customer=customer, person=person, channel="email", language="fi")
    ContactVerification.objects.create(
        user=person,
        channel="email",
        address="tessa@example.fi",
        code_hash="x",
        expires_at=timezone.now(),
        verified_at=timezone.now(),
    )


def _course() -> Course:
    service = Service.objects.filter(kind=Service.Kind.COURSE).first() or Service.objects.get(
        slug="asukaspysakointitunnus"
    )
    now = timezone.now()
    course = Course.objects.create(
        code="keramiikka-1",
        service=service,
        agency=service.agency,
        name_fi="Keramiikka",
        term="kevät 2027",
        capacity=5,
        waiting_capacity=0,
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=3),
        cancellation_deadline=now + timedelta(days=2),
    )
    CourseSession.objects.create(
        course=course, starts_at=now + timedelta(days=5), ends_at=now + timedelta(days=5, hours=1)
    )
    return course


@pytest.fixture
def holdings(db: None, django_capture_on_commit_callbacks: Any) -> Holdings:
    return holdings_make(django_capture_on_commit_callbacks)


def token(
    claims: dict[str, Any] | None = None, *, key: RSAKey | None = None, **changes: Any
) -> str:
    """A bearer token from the test issuer (the built-in provider's key), or signed with `key`."""
    from django.conf import settings

    values: dict[str, Any] = {
        "iss": settings.GDPR_API_ISSUER,
        "aud": settings.GDPR_API_AUDIENCE,
        "sub": "profile-service",
        "azp": "helsinki-profile",
        "exp": int(time.time()) + 300,
        "iat": int(time.time()),
        "scope": f"{settings.GDPR_API_QUERY_SCOPE} {settings.GDPR_API_DELETE_SCOPE}",
        "loa": "substantial",
        **(claims or {}),
        **changes,
    }
    values = {name: value for name, value in values.items() if value is not None}
    if key is not None:
        return jwt.encode({"alg": "RS256", "kid": key.kid}, values, key)
    return sign(values)
