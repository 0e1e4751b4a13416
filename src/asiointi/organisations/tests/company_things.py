"""A company's folder with things of two services and of none, and the people who act for it
through the built-in e-Authorizations service: Tessa holds mandates for some of its services,
Joni is its CEO (devidp/demo/organisations.toml)."""

import datetime
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from asiointi.attachments.limits import AttachmentLimits
from asiointi.attachments.models import Attachment
from asiointi.attachments.services import attachment_accept, attachments_hold
from asiointi.catalogue.demo import load_demo as load_catalogue
from asiointi.catalogue.models import Service
from asiointi.customers.acting import EVERYTHING, Acting
from asiointi.customers.models import Customer
from asiointi.customers.services import customer_for_organisation
from asiointi.devidp.persons import person_by_key
from asiointi.eforms.demo import load_demo as load_forms
from asiointi.eforms.selectors import form_version_current
from asiointi.folder.messaging import message_send, reply_send
from asiointi.folder.models import DataExport, Message, Thread
from asiointi.folder.services import data_export_request
from asiointi.identity.models import User
from asiointi.organisations.models import Organisation
from asiointi.organisations.tests import support
from asiointi.organisations.tests.support import MANDATE_COMPANY, act_for, log_in
from asiointi.privacy.identity_codes import identity_code_digest
from asiointi.submissions import services as submission_services
from asiointi.submissions.crypto import content_encrypt
from asiointi.submissions.models import Draft, StatusChange, Submission

JONI = "kivi-joni"  # the company's CEO
IN_MANDATE = "kaivulupailmoitus"  # one of Tessa's two mandates at the company
OUTSIDE_MANDATE = "yhdistysten-toiminta-avustus"  # no mandate: a grant application with an IBAN
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


@dataclass
class Things:
    """One of each kind of the company's things, of one service (or of none)."""

    draft: Draft | None = None
    draft_file: Attachment | None = None
    submission: Submission | None = None
    submission_file: Attachment | None = None
    thread: Thread | None = None
    decision: Message | None = None
    reply_file: Attachment | None = None


@dataclass
class Company:
    organisation: Organisation
    customer: Customer
    by_service: dict[str, Things] = field(default_factory=dict)
    general: Things = field(default_factory=Things)  # a thread tied to no service
    export: DataExport | None = None


def path(view: str, **kwargs: object) -> str:
    """The Finnish address of a view, its arguments ids of any type."""
    return support.path(view, **{name: str(value) for name, value in kwargs.items()})


def acting_client(portal: str, person_key: str) -> Client:
    """The person logs in and chooses the company on the e-Authorizations selection page over
    HTTP; the Django test client then carries that session, so every request below asks the
    organisations app (and e-Authorizations, when its short cache has ended) again."""
    browser = log_in(portal, person_key)
    act_for(browser, portal, MANDATE_COMPANY)
    # Registering its contact details is the organisation registration tests' journey.
    Organisation.objects.filter(business_id=MANDATE_COMPANY).update(registered_at=timezone.now())
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = str(
        browser.cookies[settings.SESSION_COOKIE_NAME]
    )
    return client


def person(key: str) -> User:
    found = person_by_key(key)
    assert found is not None
    return User.objects.get(identity_code_digest=identity_code_digest(found.identity_code))


def _file(acting: Acting, name: str, holder: str) -> Attachment:
    attachment = attachment_accept(
        upload=SimpleUploadedFile(name, PDF),
        limits=AttachmentLimits(),
        customer=acting.customer,
        person=acting.person,
    )
    attachments_hold(attachments=[attachment], holder=holder)
    return attachment


def _sent(acting: Acting, service: Service) -> Submission:
    version = form_version_current(service=service)
    assert version is not None
    now = timezone.now()
    submission = Submission.objects.create(
        reference=uuid.uuid4().hex[:8].upper(),
        draft_key=uuid.uuid4(),
        customer=acting.customer,
        person=acting.person,
        business_id=MANDATE_COMPANY,
        service=service,
        agency_id=service.agency_id,
        version=version,
        language="fi",
        content_encrypted=content_encrypt({}),
        sent_at=now,
        delete_after=now.date() + datetime.timedelta(days=365),
    )
    StatusChange.objects.create(submission=submission, status=submission.status)
    submission_services._submission_in_folder(submission)
    return submission


def _things(acting: Acting, service: Service) -> Things:
    version = form_version_current(service=service)
    assert version is not None
    draft = submission_services.draft_start(acting=acting, service=service, version=version)
    submission = _sent(acting, service)
    thread_message = message_send(
        customer=acting.customer,
        agency=service.agency,
        subject=f"Päätös: {service.slug}",
        body="Päätös liitteenä.",
        service=service,
        reference=submission.reference,
        about_kind="submission",
        about_key=str(submission.pk),
        document=PDF,
        document_name="paatos.pdf",
    )
    reply = reply_send(thread=thread_message.thread, acting=acting, body="Kiitos.")
    return Things(
        draft=draft,
        draft_file=_file(acting, f"luonnos-{service.slug}.pdf", f"draft:{draft.pk}"),
        submission=submission,
        submission_file=_file(acting, f"liite-{service.slug}.pdf", f"submission:{submission.pk}"),
        thread=thread_message.thread,
        decision=thread_message,
        reply_file=_file(acting, f"vastaus-{service.slug}.pdf", f"folder.message:{reply.pk}"),
    )


def company_with_things() -> Company:
    """The company (chosen by someone already) with a draft, a sent form, files, a decision and
    a reply of each of two services, a thread of no service and a "Download my data" copy; all
    written by its CEO."""
    load_catalogue()
    load_forms()
    organisation = Organisation.objects.get(business_id=MANDATE_COMPANY)
    customer = customer_for_organisation(organisation)
    ceo = Acting(
        person=person(JONI),
        customer=customer,
        organisation=organisation,
        scope=EVERYTHING,
    )
    company = Company(organisation=organisation, customer=customer)
    for slug in (IN_MANDATE, OUTSIDE_MANDATE):
        company.by_service[slug] = _things(ceo, Service.objects.get(slug=slug))
    general = message_send(
        customer=customer,
        agency=Service.objects.get(slug=IN_MANDATE).agency,
        subject="Yleinen tiedote yritykselle",
        body="Tiedote liitteenä.",
        document=PDF,
        document_name="tiedote.pdf",
    )
    company.general = Things(thread=general.thread, decision=general)
    company.export = data_export_request(customer=customer, person=ceo.person, language="fi")
    return company
