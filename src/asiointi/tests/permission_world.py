"""The people and things the permission matrix tries every address with.

People log in through the built-in identity provider and choose the company on the built-in
e-Authorizations selection page, over HTTP, once each; every cell of the matrix then gets a
copy of that person's session (`Persona.client`), so a cell that logs out, switches or is
refused changes nothing for the next. The organisation's rights are asked from
e-Authorizations again whenever its short cache ends, as in production.
"""

import datetime
from dataclasses import dataclass
from importlib import import_module

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django_otp.plugins.otp_static.models import StaticDevice

from asiointi.backoffice.models import AgencyMembership, PlatformRole
from asiointi.backoffice.tests.fixtures import log_in_verified, superuser_with_totp, totp_code
from asiointi.backoffice.tests.support import OTHER_AGENCY, staff_member
from asiointi.backoffice.tests.support import PASSWORD as STAFF_PASSWORD
from asiointi.catalogue.models import Agency, Service
from asiointi.courses.models import Course, CourseSession, Enrollment
from asiointi.courses.services import enrollment_create, participant_group, participant_self
from asiointi.customers.acting import EVERYTHING, SESSION_ACTING_ORGANISATION, Acting
from asiointi.customers.models import Customer
from asiointi.customers.services import customer_for_person
from asiointi.eforms.selectors import definition_of, form_version_current
from asiointi.folder.models import DataExport
from asiointi.folder.services import data_export_request
from asiointi.identity.models import User
from asiointi.notify.models import Notification, OutboxMessage
from asiointi.organisations.tests import company_things
from asiointi.organisations.tests.company_things import (
    IN_MANDATE,
    JONI,
    OUTSIDE_MANDATE,
    Company,
    Things,
    company_with_things,
)
from asiointi.organisations.tests.support import TESSA, log_in
from asiointi.privacy.models import RetentionRule, RetentionRun
from asiointi.submissions import services as submission_services
from asiointi.submissions.models import Draft, Submission
from asiointi.submissions.services import access_grant
from asiointi.tests import permission_matrix as m

OWNER_KEY = "sallinen-anna-liisa"
OTHER_KEY = "merkkinen-yrjo"
NO_RIGHTS_KEY = "nieminen-aino"  # no role or mandate in the company
RESIDENTS_SERVICE = "asukaspysakointitunnus"

_sessions = import_module(settings.SESSION_ENGINE)


@dataclass
class Persona:
    """A browser of one person: its session (copied for every cell) and CSRF token."""

    name: str
    session_key: str = ""
    csrf_token: str = ""
    acting_organisation: int | None = None  # written into every copy (a claimed organisation)

    def client(self) -> Client:
        client = Client(enforce_csrf_checks=True, raise_request_exception=False)
        if self.session_key:
            source = _sessions.SessionStore(session_key=self.session_key)
            copy = _sessions.SessionStore()
            copy.update(source.load())
            if self.acting_organisation is not None:
                copy[SESSION_ACTING_ORGANISATION] = self.acting_organisation
            copy.save()
            assert copy.session_key is not None
            client.cookies[settings.SESSION_COOKIE_NAME] = copy.session_key
        client.cookies[settings.CSRF_COOKIE_NAME] = self.csrf_token
        return client


def _persona(name: str, client: Client) -> Persona:
    """The persona of the browser's session; its CSRF token from a page with a form."""
    with translation.override("fi"):
        page = client.get(reverse("identity:login"))
    cookie = client.cookies.get(settings.CSRF_COOKIE_NAME)
    assert cookie is not None, f"{name}: no CSRF cookie from the login page ({page.status_code})"
    token = cookie.value
    session = client.cookies.get(settings.SESSION_COOKIE_NAME)
    return Persona(name=name, session_key=session.value if session else "", csrf_token=token)


def _staff_logged_in(
    username: str, agency: Agency, role: str = AgencyMembership.Role.CLERK
) -> Client:
    """A member of the agency's staff, logged in at the back office with password and
    authenticator code, as staff do (the session then has the staff idle timeout and login
    page)."""
    _user, device = staff_member(username, agency.slug, role)
    client = Client()
    with translation.override("fi"):
        response = client.post(
            reverse("backoffice:login"),
            {"username": username, "password": STAFF_PASSWORD, "otp_token": totp_code(device)},
        )
    assert response.status_code == 302, f"{username}: the staff login failed"
    return client


def _logged_in(portal: str, key: str) -> Client:
    browser = log_in(portal, key)
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = str(
        browser.cookies[settings.SESSION_COOKIE_NAME]
    )
    return client


@dataclass
class World:
    resident: Things
    resident_person: User
    resident_export: DataExport
    company: Company
    enrollments: dict[str, Enrollment]
    courses: dict[str, Course]
    services: dict[str, Service]
    course_services: dict[str, Service]  # needing prior contact (the resident's), or not
    agencies: dict[str, Agency]  # the owning agency (of the resident's and S1's cases), another
    personas: dict[str, Persona]
    outbox_message: OutboxMessage | None

    def things(self) -> dict[str, Things]:
        """Each owner's things of one kind each (the resident's, the company's in S1 and S2)."""
        return {
            m.OF_RESIDENT: self.resident,
            m.OF_S1: self.company.by_service[IN_MANDATE],
            m.OF_S2: self.company.by_service[OUTSIDE_MANDATE],
        }

    def fresh_draft(self, owner: str) -> Draft:
        """A new draft of the owner, for a cell that deletes one."""
        acting = self._acting(owner)
        service = self.services[owner]
        version = form_version_current(service=service)
        assert version is not None
        return submission_services.draft_start(acting=acting, service=service, version=version)

    def fresh_enrollment(self, owner: str) -> Enrollment:
        """The owner's enrollment in the owner's course, live again, for a cell that cancels."""
        acting = self._acting(owner)
        participant = (
            participant_self()
            if owner == m.OF_RESIDENT
            else participant_group(name="Työmaan väki", size=2)
        )
        return enrollment_create(course=self.courses[owner], acting=acting, participant=participant)

    def _acting(self, owner: str) -> Acting:
        if owner == m.OF_RESIDENT:
            person = self.resident_person
            return Acting(person=person, customer=customer_for_person(person))
        return Acting(
            person=company_things.person(JONI),
            customer=self.company.customer,
            organisation=self.company.organisation,
            scope=EVERYTHING,
        )


def first_page(draft: Draft) -> str:
    return definition_of(draft.version).pages[0].key


def _course(code: str, service: Service) -> Course:
    now = timezone.now()
    course = Course.objects.create(
        code=code,
        service=service,
        agency=service.agency,
        name_fi=f"Kurssi {code}",
        term="kevät 2027",
        place_fi="Työväenopisto",
        capacity=20,
        waiting_capacity=5,
        opens_at=now - datetime.timedelta(hours=1),
        closes_at=now + datetime.timedelta(days=30),
        cancellation_deadline=now + datetime.timedelta(days=20),
        organisations_may_enroll=True,
        max_group_size=5,
    )
    start = now + datetime.timedelta(days=40)
    CourseSession.objects.create(
        course=course, starts_at=start, ends_at=start + datetime.timedelta(minutes=90)
    )
    return course


def _admin_objects(superuser: User) -> None:
    """One row of every model the admin shows, so each of its change pages has an object."""
    Group.objects.get_or_create(name="matrix")
    StaticDevice.objects.create(user=superuser, name="recovery", confirmed=True)
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    common = {"user_agent": "matrix", "ip_address": "192.0.2.1", "username": "nobody"}
    AccessAttempt.objects.create(**common, failures_since_start=1)
    AccessLog.objects.create(**common)
    AccessFailureLog.objects.create(**common)
    # Seeded by a migration, which a transactional test's flush may have removed.
    RetentionRule.objects.get_or_create(kind="drafts", service=None, defaults={"days": 30})
    RetentionRun.objects.create(counts={"drafts": {"deleted": 0}})
    Notification.objects.create(
        customer=customer_for_person(superuser),
        kind="folder_new",
        channel="email",
        recipient_masked="ma•••@example.fi",
        language="fi",
    )
    LogEntry.objects.log_actions(
        user_id=superuser.pk,
        queryset=Group.objects.all(),
        action_flag=1,
        change_message="",
        single_object=True,
    )


def _people(portal: str, company: Company) -> tuple[dict[str, Persona], User]:
    """The residents' personas (the company's people included), and the resident."""
    resident_client = _logged_in(portal, OWNER_KEY)
    resident = _persona(m.RESIDENT, resident_client)
    resident_person = User.objects.get(pk=resident_client.session["_auth_user_id"])
    other = _persona(m.OTHER_RESIDENT, _logged_in(portal, OTHER_KEY))
    no_rights = _persona(m.NO_RIGHTS, _logged_in(portal, NO_RIGHTS_KEY))
    no_rights.acting_organisation = company.organisation.pk
    people = {m.RESIDENT: resident, m.OTHER_RESIDENT: other, m.NO_RIGHTS: no_rights}
    return people, resident_person


def _resident_things(person: User, service: Service) -> tuple[Things, DataExport]:
    acting = Acting(person=person, customer=customer_for_person(person))
    things = company_things._things(acting, service)
    assert things.submission is not None
    Submission.objects.filter(pk=things.submission.pk).update(business_id="")
    export = data_export_request(customer=acting.customer, person=person, language="fi")
    # Asked for a while ago, so that asking again now is not refused as too soon.
    DataExport.objects.update(created_at=timezone.now() - datetime.timedelta(days=2))
    return things, export


def _agencies(services: dict[str, Service]) -> dict[str, Agency]:
    owning = services[m.OF_RESIDENT].agency
    assert owning == services[m.OF_S1].agency != services[m.OF_S2].agency
    other_agency = Agency.objects.get(slug=OTHER_AGENCY)
    assert other_agency not in (owning, services[m.OF_S2].agency)
    return {m.OF_OWNING_AGENCY: owning, m.OF_OTHER_AGENCY: other_agency}


def _staff(agencies: dict[str, Agency]) -> dict[str, Persona]:
    """Clerks of the owning and of the other agency, an auditor, a service manager and an
    agency administrator (of the owning agency)."""
    owning, other_agency = agencies[m.OF_OWNING_AGENCY], agencies[m.OF_OTHER_AGENCY]
    staff = {
        name: _persona(name, _staff_logged_in(f"staff-{agency.slug}", agency))
        for name, agency in ((m.OWN_STAFF, owning), (m.OTHER_STAFF, other_agency))
    }
    auditor = _persona(m.AUDITOR, _staff_logged_in(f"auditor-{other_agency.slug}", other_agency))
    PlatformRole.objects.create(
        user=User.objects.get(username=f"auditor-{other_agency.slug}"),
        role=PlatformRole.Role.AUDITOR,
    )
    manager = _staff_logged_in(
        f"manager-{owning.slug}", owning, AgencyMembership.Role.SERVICE_MANAGER
    )
    staff[m.OWN_MANAGER] = _persona(m.OWN_MANAGER, manager)
    admin = _staff_logged_in(f"admin-{owning.slug}", owning, AgencyMembership.Role.AGENCY_ADMIN)
    staff[m.OWN_ADMIN] = _persona(m.OWN_ADMIN, admin)
    return {**staff, m.AUDITOR: auditor}


def _superusers() -> tuple[dict[str, Persona], User]:
    """A superuser without a verified device and one with (returned too: it grants access)."""
    superuser = User.objects.create_superuser(username="unverified-admin", password="x" * 20)
    unverified = Client()
    unverified.force_login(superuser)
    admin_user, device = superuser_with_totp()
    admin = _persona(m.ADMIN, log_in_verified(Client(), admin_user, device))
    _admin_objects(admin_user)
    return {m.SUPERUSER: _persona(m.SUPERUSER, unverified), m.ADMIN: admin}, admin_user


def _course_services(customer: Customer, granted_by: User) -> dict[str, Service]:
    """A course service open to all, and one needing prior contact, opened to the resident only:
    anyone else is told to contact the agency first."""
    courses = Service.objects.filter(kind=Service.Kind.COURSE, published=True).order_by("slug")
    open_course = courses.filter(requires_prior_contact=False).first()
    prior_contact_course = courses.filter(requires_prior_contact=True).first()
    assert open_course is not None and prior_contact_course is not None
    access_grant(service=prior_contact_course, customer=customer, granted_by=granted_by)
    return {m.OF_NO_SERVICE: open_course, m.OF_RESIDENT: prior_contact_course}


def build(portal: str) -> World:
    tessa = _persona(m.MANDATE_HOLDER, company_things.acting_client(portal, TESSA))
    joni = _persona(m.ROLE_HOLDER, company_things.acting_client(portal, JONI))
    company = company_with_things()
    people, resident_person = _people(portal, company)
    services = {
        m.OF_RESIDENT: Service.objects.get(slug=RESIDENTS_SERVICE),
        m.OF_S1: Service.objects.get(slug=IN_MANDATE),
        m.OF_S2: Service.objects.get(slug=OUTSIDE_MANDATE),
    }
    things, export = _resident_things(resident_person, services[m.OF_RESIDENT])
    agencies = _agencies(services)
    staff = _staff(agencies)
    superusers, admin_user = _superusers()
    access_grant(service=services[m.OF_S2], customer=company.customer, granted_by=admin_user)
    course_services = _course_services(customer_for_person(resident_person), admin_user)
    world = World(
        resident=things,
        resident_person=resident_person,
        resident_export=export,
        company=company,
        enrollments={},
        courses={owner: _course(f"matrix-{n}", s) for n, (owner, s) in enumerate(services.items())},
        services=services,
        course_services=course_services,
        agencies=agencies,
        personas={
            m.ANONYMOUS: _persona(m.ANONYMOUS, Client()),
            m.RESIDENT: people[m.RESIDENT],
            m.OTHER_RESIDENT: people[m.OTHER_RESIDENT],
            m.ROLE_HOLDER: joni,
            m.MANDATE_HOLDER: tessa,
            m.NO_RIGHTS: people[m.NO_RIGHTS],
            **staff,
            m.SUPERUSER: superusers[m.SUPERUSER],
            m.ADMIN: superusers[m.ADMIN],
        },
        outbox_message=OutboxMessage.objects.create(
            channel="email", recipient="anna-liisa.sallinen@example.com", body="Koodi 123456"
        ),
    )
    world.enrollments = {owner: world.fresh_enrollment(owner) for owner in services}
    return world
