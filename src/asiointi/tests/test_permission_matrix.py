"""Every address of the portal, for every persona, by GET and by POST, against the table below.

A new address fails `test_the_table_has_a_row_for_every_address_and_no_other` until it has a
row here saying what each persona gets. The matrix itself (`test_every_address_answers_every_
persona_as_the_table_says`) builds a resident's and a company's things, logs the people in
through the built-in identity provider and e-Authorizations, and tries every cell, POSTs with
the persona's own CSRF token; every POST endpoint is also tried without a token once.

Personas and owners are in `permission_matrix.py`; the rules read:
  everyone(A)      every persona gets A
  logged_in(A)     anonymous: to the login page; anyone logged in: A
  customer(A)      the person's (or the chosen organisation's) own page: anonymous to log in,
                   a person acting for an organisation without a right to the refusal page
  customer_wide(A) as customer, but a mandate for some services only gets 404
  owners(A)        an object: whoever may see it (its customer; for the organisation's things a
                   role holder, and a mandate holder within S1) gets A, anyone else 404
  auditor(A)       the audit log: A for staff with the auditor role, other staff 404, anyone
                   else to the staff login (elsewhere the auditor is a clerk of another agency)
  admin_only(A)    the Django admin: A for a superuser with a verified device, else its login
"""

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.conf import LazySettings, settings
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import resolve, reverse
from django.utils import translation

from asiointi.backoffice.tests.support import OTHER_AGENCY, OWNING_AGENCY
from asiointi.devidp.tests.conftest import _provider_jwk, provider_key  # noqa: F401
from asiointi.formeditor.tests.permission_rows import EDITOR_ROWS
from asiointi.identity.keys import client_keys, generate_keys
from asiointi.notify.tests.fixtures import dev_outbox  # noqa: F401
from asiointi.organisations.tests.conftest import portal  # noqa: F401
from asiointi.tests import permission_matrix as m
from asiointi.tests.permission_matrix import (
    ADMITTED,
    BAD_REQUEST,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    REFUSAL_PAGE,
    STAFF_LOGIN,
    UNAUTHORIZED,
    Answer,
    Row,
    Rule,
    Target,
    admin_only,
    auditor,
    below,
    customer,
    customer_wide,
    everyone,
    logged_in,
    managers,
    owners,
    redirect,
    staff,
    starts,
)
from asiointi.tests.permission_world import World, build, first_page

FOLDER = redirect("folder:index")
SEE_OTHER = (302, 303)
DRAFT = redirect(below("submissions:draft_resume", pk="00000000-0000-4000-8000-000000000000"))
FORM_START = redirect(below("eforms:start", slug="SLUG"))
FORM_ERRORS = Answer((400,), label="400, the form again with its errors")
STAFF_AND_ADMINS = ("own_staff", "own_manager", "other_staff", "superuser", "admin")
NEVER_IDENTIFIED_NO_RIGHT = {
    p: redirect(below("organisations:failed", query="?reason=no-right")) for p in STAFF_AND_ADMINS
}
# A person acting as themself is sent to their own contact details; an organisation's need
# full rights once it is registered.
AS_SELF_TO_OWN_CONTACT_DETAILS = customer_wide(OK).but(
    **{
        p: redirect("registration:contact_details")
        for p in (
            "resident",
            "other_resident",
            "own_staff",
            "own_manager",
            "other_staff",
            "superuser",
            "admin",
        )
    }
)
# With no code pending there is nothing to confirm: on to the folder. (Not 404 to a mandate
# holder: the first to choose an organisation registers it, whatever their rights, and comes
# back here after the code that registered it.)
AS_SELF_TO_OWN_CODES = customer(FOLDER).but(
    **{
        p: redirect("registration:confirm")
        for p in (
            "resident",
            "other_resident",
            "own_staff",
            "own_manager",
            "other_staff",
            "superuser",
            "admin",
        )
    }
)


# --- the addresses' objects -----------------------------------------------------------------


def _of_each(world: World, thing: str, **extra: Callable[[Any], Any]) -> list[Target]:
    targets = []
    for owner, things in world.things().items():
        obj = getattr(things, thing)
        kwargs = {"pk": obj.pk, **{name: make(obj) for name, make in extra.items()}}
        targets.append(Target(kwargs, owner, thing))
    return targets


def drafts(world: World) -> list[Target]:
    return _of_each(world, "draft")


def draft_pages(world: World) -> list[Target]:
    return _of_each(world, "draft", page_key=first_page)


def fresh_drafts(world: World) -> list[Target]:
    return [Target({"pk": world.fresh_draft(owner).pk}, owner) for owner in world.services]


def submissions(world: World) -> list[Target]:
    return _of_each(world, "submission")


def files(world: World) -> list[Target]:
    return [
        target
        for thing in ("draft_file", "submission_file", "reply_file")
        for target in _of_each(world, thing)
    ]


def threads(world: World) -> list[Target]:
    general = world.company.general.thread
    assert general is not None
    return [*_of_each(world, "thread"), Target({"pk": general.pk}, m.OF_NO_SERVICE)]


def decisions(world: World) -> list[Target]:
    general = world.company.general.decision
    assert general is not None
    return [*_of_each(world, "decision"), Target({"pk": general.pk}, m.OF_NO_SERVICE)]


def exports(world: World) -> list[Target]:
    assert world.company.export is not None
    return [
        Target({"pk": export.pk, "fmt": fmt}, owner)
        for owner, export in (
            (m.OF_RESIDENT, world.resident_export),
            (m.OF_ORGANISATION, world.company.export),
        )
        for fmt in ("json", "html")
    ]


def enrollments(world: World) -> list[Target]:
    return [Target({"pk": e.pk}, owner) for owner, e in world.enrollments.items()]


def fresh_enrollments(world: World) -> list[Target]:
    return [Target({"pk": world.fresh_enrollment(owner).pk}, owner) for owner in world.services]


def services(world: World) -> list[Target]:
    return [Target({"slug": s.slug}, owner) for owner, s in world.services.items()]


def courses(world: World) -> list[Target]:
    return [Target({"code": c.code}, owner) for owner, c in world.courses.items()]


def schemas(world: World) -> list[Target]:
    return [Target({"slug": s.slug, "number": 1}, o) for o, s in world.services.items()]


def agency(world: World) -> list[Target]:
    return [Target({"slug": world.services[m.OF_RESIDENT].agency.slug})]


def help_page(world: World) -> list[Target]:
    return [Target({"slug": "tietosuoja"})]


def outbox_message(world: World) -> list[Target]:
    assert world.outbox_message is not None
    return [Target({"pk": world.outbox_message.pk})]


def register_call(world: World) -> list[Target]:
    # Not a valid identity code: the address holds one, and no test writes a real one to a log.
    return [Target({"client_id": settings.VALTUUDET_CLIENT_ID, "identity_code": "010280-0000"})]


def agencies(world: World) -> list[Target]:
    return [Target({"agency": a.slug}, owner) for owner, a in world.agencies.items()]


def _case(world: World, owner: str, **extra: Any) -> Target:
    """The owner's sent form as a case, under the owning agency's address (S2's is a third
    agency's: not found there even by the owning agency's staff)."""
    submission = world.things()[owner].submission
    assert submission is not None
    agency = world.agencies[m.OF_OWNING_AGENCY].slug
    return Target({"agency": agency, "reference": submission.reference, **extra}, owner)


def cases(world: World) -> list[Target]:
    return [_case(world, owner) for owner in world.things()]


def case_files(world: World) -> list[Target]:
    """The files sent with each case and with the customer's reply; a draft's file is none of
    the case's."""
    targets = []
    for owner, things in world.things().items():
        for thing in ("submission_file", "reply_file", "draft_file"):
            target = _case(world, owner, pk=getattr(things, thing).pk)
            whose = owner if thing != "draft_file" else f"{owner}, a draft's file"
            targets.append(Target(target.kwargs, whose, thing))
    return targets


def case_documents(world: World) -> list[Target]:
    return [
        _case(world, owner, pk=things.decision.pk)
        for owner, things in world.things().items()
        if things.decision is not None
    ]


def course_services(world: World) -> list[Target]:
    return [Target({"slug": s.slug}, o) for o, s in world.course_services.items()]


def rosters(world: World) -> list[Target]:
    """Each owner's course under the owning agency's address (S2's is a third agency's)."""
    agency = world.agencies[m.OF_OWNING_AGENCY].slug
    return [Target({"agency": agency, "code": c.code}, o) for o, c in world.courses.items()]


def fresh_roster_enrollments(world: World) -> list[Target]:
    return [
        Target({**t.kwargs, "pk": world.fresh_enrollment(t.owner).pk}, t.owner)
        for t in rosters(world)
    ]


def grants_of_agencies(world: World) -> list[Target]:
    """A grant that is not there (a second press of "Revoke"): the agency's managers are sent
    back to the list; the grants that are there keep the other rows' services open."""
    return [Target({**t.kwargs, "pk": 987654}, t.owner) for t in agencies(world)]


def roles_call(world: World) -> list[Target]:
    return [Target({"session_id": "no-such-session"})]


def feedback_items(world: World) -> list[Target]:
    """A feedback on the owning agency's service, sent anonymously as a resident would."""
    from asiointi.feedback import services as feedback

    service = world.services[m.OF_RESIDENT]
    item, _new = feedback.feedback_send(
        form_key=feedback.form_key_new(),
        agency=service.agency,
        service=service,
        kind="question",
        message="Milloin palvelu aukeaa?",
        language="fi",
        address="127.0.0.1",
        contact_name="",
        contact_email="",
        contact_phone="",
        acting=None,
        answer_to_folder=False,
        attachments=[],
    )
    assert service.agency.slug == world.agencies[m.OF_OWNING_AGENCY].slug
    return [Target({"pk": item.pk}, m.OF_OWNING_AGENCY)]


def feedback_files(world: World) -> list[Target]:
    """No file the feedback holds: a made-up file id is not found, even by its agency's staff."""
    return [
        Target({**t.kwargs, "attachment": "00000000-0000-4000-8000-000000000000"}, "no such file")
        for t in feedback_items(world)
    ]


def feedback_staff(answer: Answer) -> m.Rule:
    """The feedback inbox: the agency's staff and a platform superuser (who sees every agency's)
    get `answer`; other staff 404; anyone else, to the staff login."""

    def decide(persona: str, owner: str) -> Answer:
        if persona == m.ADMIN:
            return answer if owner != "no such file" else NOT_FOUND
        if persona in m.STAFF_OF:
            mine = owner in m.STAFF_OF[persona] and owner != "no such file"
            return answer if mine else NOT_FOUND
        return m.STAFF_LOGIN

    return m.Rule(decide)


def _feedback_inbox(slug: str) -> Callable[[], str]:
    def address() -> str:
        with translation.override("fi"):
            return reverse("feedback:staff_inbox", args=[slug])

    return address


# --- the table: one row per URL name --------------------------------------------------------

PUBLIC = everyone(OK)
GET_ONLY = everyone(NOT_ALLOWED)  # or POST only: the other method is refused to anyone


def _inbox(slug: str) -> Callable[[], str]:
    def address() -> str:
        with translation.override("fi"):
            return reverse("backoffice:inbox", args=[slug])

    return address


OWN_INBOX = _inbox(OWNING_AGENCY)


def _own(name: str) -> Callable[[], str]:
    def address() -> str:
        with translation.override("fi"):
            return reverse(name, args=[OWNING_AGENCY])

    return address


OWN_GRANTS = _own("backoffice:grants")
TO_THE_ROSTERS = redirect(_own("backoffice:courses"), statuses=SEE_OTHER)
# Back to the case (or its notes, its thread): an address under the agency's inbox.
TO_THE_CASE = redirect(OWN_INBOX)
HOME = everyone(STAFF_LOGIN).but(
    own_staff=redirect(OWN_INBOX),
    own_manager=redirect(OWN_INBOX),
    other_staff=redirect(_inbox(OTHER_AGENCY)),
    admin=OK,
)
PRIOR_CONTACT = Answer((403,), label="403, contact the agency first")


def _course_start(persona: str, owner: str) -> Answer:
    """A course service's courses; one needing prior contact only once the agency has opened
    it to the customer (here to the resident only)."""
    if persona == m.ANONYMOUS:
        return m.LOGIN
    if persona == m.NO_RIGHTS:
        return m.REFUSED
    if owner == m.OF_RESIDENT and persona != m.RESIDENT:
        return PRIOR_CONTACT
    return redirect("courses:course_list")


ROWS: list[Row] = [
    # Outside the language prefix.
    Row("healthz", get=PUBLIC, post=GET_ONLY),
    Row("brand_css", get=PUBLIC, post=GET_ONLY),
    Row("readyz", get=PUBLIC, post=GET_ONLY),
    Row(
        "metrics",
        get=everyone(NOT_FOUND),
        post=everyone(NOT_FOUND),
        note="METRICS_TOKEN unset (as in the tests): the address does not exist",
    ),
    # Identity provider protocol: the same for everyone, since the provider calls them.
    Row(
        "identity_protocol:oidc_callback",
        get=everyone(redirect("identity:login_failed")),
        post=GET_ONLY,
        note="no state: a failure, which also logs out",
    ),
    Row("identity_protocol:oidc_jwks", get=PUBLIC, post=GET_ONLY),
    Row(
        "identity_protocol:oidc_backchannel_logout",
        get=GET_ONLY,
        post=everyone(BAD_REQUEST),
        csrf_exempt=True,
    ),
    Row(
        "identity_protocol:provider_logged_out",
        get=everyone(redirect("identity:logged_out")),
        post=GET_ONLY,
    ),
    Row(
        "identity_protocol:saml_metadata",
        get=everyone(NOT_FOUND),
        post=GET_ONLY,
        note="SAML is not the provider here",
    ),
    Row("identity_protocol:saml_acs", get=GET_ONLY, post=everyone(NOT_FOUND), csrf_exempt=True),
    Row(
        "identity_protocol:saml_sls",
        get=everyone(NOT_FOUND),
        post=everyone(NOT_FOUND),
        csrf_exempt=True,
    ),
    Row(
        "organisations_protocol:return",
        get=logged_in(redirect("organisations:failed")),
        post=GET_ONLY,
        note="no code: the choice failed",
    ),
    # The built-in identity provider and e-Authorizations (embedded profile only).
    Row("devidp:overview", get=PUBLIC, post=GET_ONLY, only_if="DEVIDP_ENABLED"),
    Row("devidp:discovery", get=PUBLIC, post=GET_ONLY, only_if="DEVIDP_ENABLED"),
    Row("devidp:jwks", get=PUBLIC, post=GET_ONLY, only_if="DEVIDP_ENABLED"),
    Row(
        "devidp:authorize",
        get=everyone(BAD_REQUEST),
        post=everyone(BAD_REQUEST),
        csrf_exempt=True,
        only_if="DEVIDP_ENABLED",
    ),
    Row("devidp:choose_method", get=GET_ONLY, post=everyone(BAD_REQUEST), only_if="DEVIDP_ENABLED"),
    Row("devidp:identify", get=GET_ONLY, post=everyone(BAD_REQUEST), only_if="DEVIDP_ENABLED"),
    Row(
        "devidp:token",
        get=GET_ONLY,
        post=everyone(BAD_REQUEST),
        csrf_exempt=True,
        only_if="DEVIDP_ENABLED",
    ),
    Row(
        "devidp:userinfo",
        get=everyone(UNAUTHORIZED),
        post=everyone(UNAUTHORIZED),
        csrf_exempt=True,
        only_if="DEVIDP_ENABLED",
    ),
    # The GDPR API answers bearer tokens of the configured issuer only: a session is none.
    Row(
        "gdpr_api:profile",
        targets=lambda world: [Target({"subject": "no-such-subject"})],
        get=everyone(UNAUTHORIZED),
        post=GET_ONLY,
        csrf_exempt=True,
        note="GET and DELETE only; tokens are tried in customers/tests/test_gdpr_api*.py",
    ),
    Row(
        "devidp:end_session",
        get=everyone(BAD_REQUEST),
        post=everyone(BAD_REQUEST),
        csrf_exempt=True,
        only_if="DEVIDP_ENABLED",
    ),
    Row(
        "devidp:end_session_confirm",
        get=GET_ONLY,
        post=everyone(BAD_REQUEST),
        only_if="DEVIDP_ENABLED",
    ),
    Row("devidp:end_everywhere", get=GET_ONLY, post=PUBLIC, only_if="DEVIDP_ENABLED"),
    Row(
        "devidp:valtuudet_register",
        targets=register_call,
        get=everyone(UNAUTHORIZED),
        post=GET_ONLY,
        only_if="DEVIDP_ENABLED",
    ),
    Row(
        "devidp:valtuudet_authorize",
        get=everyone(BAD_REQUEST),
        post=GET_ONLY,
        only_if="DEVIDP_ENABLED",
    ),
    Row(
        "devidp:valtuudet_select",
        get=GET_ONLY,
        post=everyone(BAD_REQUEST),
        only_if="DEVIDP_ENABLED",
    ),
    Row(
        "devidp:valtuudet_token",
        get=GET_ONLY,
        post=everyone(UNAUTHORIZED),
        csrf_exempt=True,
        only_if="DEVIDP_ENABLED",
    ),
    Row(
        "devidp:valtuudet_roles",
        targets=roles_call,
        get=everyone(UNAUTHORIZED),
        post=GET_ONLY,
        only_if="DEVIDP_ENABLED",
    ),
    # The catalogue: public.
    Row("catalogue:front_page", get=PUBLIC, post=GET_ONLY),
    Row("catalogue:service_list", get=PUBLIC, post=GET_ONLY),
    Row("catalogue:service_detail", targets=services, get=PUBLIC, post=GET_ONLY),
    Row("catalogue:service_start", targets=services, get=everyone(FORM_START), post=GET_ONLY),
    Row("catalogue:agency_list", get=PUBLIC, post=GET_ONLY),
    Row("catalogue:agency_detail", targets=agency, get=PUBLIC, post=GET_ONLY),
    Row("catalogue:help_index", get=PUBLIC, post=GET_ONLY),
    Row("catalogue:help_page", targets=help_page, get=PUBLIC, post=GET_ONLY),
    Row("catalogue:guide_pdf", get=PUBLIC, post=GET_ONLY),
    # The development outbox (embedded profile only).
    Row("notify:outbox_list", get=PUBLIC, post=GET_ONLY, only_if="DEV_OUTBOX_ENABLED"),
    Row(
        "notify:outbox_detail",
        targets=outbox_message,
        get=PUBLIC,
        post=GET_ONLY,
        only_if="DEV_OUTBOX_ENABLED",
    ),
    # Logging in and out.
    Row("identity:login", get=PUBLIC, post=GET_ONLY),
    Row("identity:login_start", get=GET_ONLY, post=everyone(redirect("/devidp/authorize"))),
    Row("identity:login_succeeded", get=logged_in(OK), post=GET_ONLY),
    Row("identity:login_failed", get=PUBLIC, post=GET_ONLY),
    Row("identity:logout", get=GET_ONLY, post=everyone(redirect("/devidp/end-session"))),
    Row("identity:logged_out", get=PUBLIC, post=GET_ONLY),
    Row(
        "identity:keepalive",
        get=GET_ONLY,
        post=logged_in(FOLDER),
        note="without JavaScript: back to the folder",
    ),
    Row("registration:contact_details", get=logged_in(OK), post=logged_in(OK)),
    Row(
        "registration:confirm",
        get=logged_in(FOLDER),
        post=logged_in(FOLDER),
        note="no code pending",
    ),
    # The folder.
    Row("folder:index", get=customer(OK), post=GET_ONLY),
    Row(
        "folder:thread",
        targets=threads,
        get=owners(OK),
        post=owners(OK),
        note="POST: a reply without text is shown again",
    ),
    Row("folder:message_document", targets=decisions, get=owners(OK), post=GET_ONLY),
    Row("folder:preferences", get=customer_wide(OK), post=customer_wide(OK)),
    Row("folder:my_data", get=customer_wide(OK), post=GET_ONLY),
    Row(
        "folder:my_data_request",
        get=GET_ONLY,
        post=customer_wide(redirect("folder:my_data", statuses=SEE_OTHER)),
    ),
    Row("folder:my_data_file", targets=exports, get=owners(OK), post=GET_ONLY),
    # Acting for an organisation.
    Row("organisations:choose", get=logged_in(OK), post=GET_ONLY),
    Row(
        "organisations:start",
        get=logged_in(redirect("/devidp/valtuudet/")).but(**NEVER_IDENTIFIED_NO_RIGHT),
        post=GET_ONLY,
        note="staff and admin accounts were never identified: no right to ask about",
    ),
    Row("organisations:switch", get=GET_ONLY, post=logged_in(FOLDER)),
    Row("organisations:failed", get=logged_in(OK), post=GET_ONLY),
    Row("organisations:refused", get=logged_in(REFUSAL_PAGE), post=GET_ONLY),
    Row(
        "organisations:audience_refused",
        targets=services,
        get=logged_in(REFUSAL_PAGE),
        post=GET_ONLY,
    ),
    Row(
        "organisations:register",
        get=AS_SELF_TO_OWN_CONTACT_DETAILS,
        post=AS_SELF_TO_OWN_CONTACT_DETAILS,
    ),
    Row(
        "organisations:confirm",
        get=AS_SELF_TO_OWN_CODES,
        post=AS_SELF_TO_OWN_CODES,
        note="no code pending: on to the folder",
    ),
    # Forms.
    Row("eforms:start", targets=services, get=starts(OK), post=starts(DRAFT)),
    Row("eforms:schema", targets=schemas, get=PUBLIC, post=GET_ONLY),
    # Drafts and sent forms.
    Row(
        "submissions:draft_resume",
        targets=drafts,
        get=owners(DRAFT),
        post=customer(NOT_ALLOWED),
    ),
    Row("submissions:draft_page", targets=draft_pages, get=owners(OK), post=owners(OK)),
    Row("submissions:draft_check", targets=drafts, get=owners(OK), post=owners(OK)),
    Row("submissions:draft_saved", targets=drafts, get=owners(OK), post=customer(NOT_ALLOWED)),
    Row(
        "submissions:draft_exit",
        targets=drafts,
        get=owners(DRAFT),
        post=customer(NOT_ALLOWED),
        note="not at an exit: back to the draft",
    ),
    Row(
        "submissions:draft_delete",
        targets=fresh_drafts,
        fresh=True,
        get=customer(NOT_ALLOWED),
        post=owners(FORM_START),
    ),
    Row("submissions:detail", targets=submissions, get=owners(OK), post=customer(NOT_ALLOWED)),
    Row(
        "submissions:confirmation", targets=submissions, get=owners(OK), post=customer(NOT_ALLOWED)
    ),
    Row("submissions:pdf", targets=submissions, get=owners(OK), post=customer(NOT_ALLOWED)),
    Row("attachments:download", targets=files, get=owners(OK), post=GET_ONLY),
    # Courses.
    Row("courses:course_list", get=PUBLIC, post=GET_ONLY),
    Row("courses:course_detail", targets=courses, get=PUBLIC, post=GET_ONLY),
    Row(
        "courses:course_enroll",
        targets=courses,
        get=GET_ONLY,
        post=starts(FORM_ERRORS, groups_anywhere=True),
    ),
    Row(
        "courses:service_start",
        targets=course_services,
        get=Rule(_course_start),
        post=GET_ONLY,
        note="[organisation, no service]: a course service open to all",
    ),
    Row(
        "courses:course_review",
        targets=courses,
        get=customer(redirect(below("courses:course_detail", code="CODE"), statuses=SEE_OTHER)),
        post=starts(FORM_ERRORS, groups_anywhere=True),
        note="GET: back to the course page; POST: the enrollment form checked first",
    ),
    Row("courses:enrollment_detail", targets=enrollments, get=owners(OK), post=GET_ONLY),
    Row(
        "courses:enrollment_cancel",
        targets=fresh_enrollments,
        fresh=True,
        get=owners(OK),
        post=owners(redirect(below("courses:enrollment_detail", pk=987654), statuses=SEE_OTHER)),
        note="GET asks first",
    ),
    # The back office: an agency's staff with a verified second factor, its own things only.
    Row("backoffice:home", get=HOME, post=GET_ONLY),
    # Feedback to an agency: anyone may send it; its staff answer it.
    Row("feedback:portal", get=PUBLIC, post=PUBLIC, note="POST: an empty form is shown again"),
    Row("feedback:service", targets=services, get=PUBLIC, post=PUBLIC),
    Row(
        "feedback:acknowledgement",
        targets=lambda world: [Target({"key": "no-such-key"})],
        get=everyone(NOT_FOUND),
        post=GET_ONLY,
        note="found only by the sender's own form key",
    ),
    Row(
        "feedback:staff_index",
        get=everyone(m.STAFF_LOGIN).but(
            own_staff=redirect(_feedback_inbox(OWNING_AGENCY)),
            own_manager=redirect(_feedback_inbox(OWNING_AGENCY)),
            other_staff=redirect(_feedback_inbox(OTHER_AGENCY)),
            admin=OK,
        ),
        post=GET_ONLY,
    ),
    Row("feedback:staff_inbox", targets=agencies, get=feedback_staff(OK), post=GET_ONLY),
    Row(
        "feedback:staff_detail",
        targets=feedback_items,
        get=feedback_staff(OK),
        post=feedback_staff(OK),
        note="POST: an empty answer is shown again",
    ),
    Row("feedback:staff_attachment", targets=feedback_files, get=feedback_staff(OK), post=GET_ONLY),
    # The audit log: staff with the auditor role (a platform role) only.
    Row("backoffice:audit_log", get=auditor(OK), post=GET_ONLY),
    Row(
        "backoffice:audit_person",
        get=GET_ONLY,
        post=auditor(redirect("backoffice:audit_log")),
        post_data={"identity_code": "010469-999W"},
        note="POST: the other resident's code, found: to the log with that person",
    ),
    Row("backoffice:login", get=PUBLIC, post=PUBLIC, note="POST: an empty form is shown again"),
    Row("backoffice:logout", get=GET_ONLY, post=everyone(STAFF_LOGIN)),
    Row(
        "backoffice:oidc_start",
        get=GET_ONLY,
        post=everyone(NOT_FOUND),
        note="no staff OpenID Connect provider is configured here (STAFF_OIDC_ISSUER)",
    ),
    Row(
        "backoffice_protocol:oidc_callback",
        get=everyone(NOT_FOUND),
        post=GET_ONLY,
        note="no staff OpenID Connect provider is configured here (STAFF_OIDC_ISSUER)",
    ),
    Row("backoffice:inbox", targets=agencies, get=staff(OK), post=GET_ONLY),
    Row("backoffice:export", targets=agencies, get=staff(OK), post=GET_ONLY),
    Row("backoffice:case", targets=cases, get=staff(OK), post=GET_ONLY),
    Row(
        "backoffice:case_status",
        targets=cases,
        get=GET_ONLY,
        post=staff(TO_THE_CASE),
        post_data={"status": "in_progress"},
    ),
    Row(
        "backoffice:case_assign",
        targets=cases,
        get=GET_ONLY,
        post=staff(TO_THE_CASE),
        post_data={"assignee": ""},
    ),
    Row(
        "backoffice:case_note",
        targets=cases,
        get=GET_ONLY,
        post=staff(TO_THE_CASE),
        post_data={"body": "Muistiinpano."},
    ),
    Row(
        "backoffice:case_message",
        targets=cases,
        get=GET_ONLY,
        post=staff(TO_THE_CASE),
        post_data={"kind": "message", "body": "Hei."},
    ),
    Row(
        "backoffice:case_reveal",
        targets=cases,
        get=GET_ONLY,
        post=staff(OK, of={m.OF_S1: FORM_ERRORS}),
        post_data={"reason": "Tarkistus"},
        note="the company's case has no identity code to show",
    ),
    Row("backoffice:case_retry", targets=cases, get=GET_ONLY, post=staff(TO_THE_CASE)),
    Row("backoffice:case_attachment", targets=case_files, get=staff(OK), post=GET_ONLY),
    Row("backoffice:case_document", targets=case_documents, get=staff(OK), post=GET_ONLY),
    # Access to prior-contact services: service managers and agency administrators only.
    Row("backoffice:grants", targets=agencies, get=managers(OK), post=GET_ONLY),
    Row(
        "backoffice:grant_find",
        targets=agencies,
        get=GET_ONLY,
        post=managers(OK),
        post_data={"identifier": "1234567-1"},
        note="a business ID nobody has: 'no customer was found'",
    ),
    Row("backoffice:grant_add", targets=agencies, get=GET_ONLY, post=managers(FORM_ERRORS)),
    Row(
        "backoffice:grant_revoke",
        targets=grants_of_agencies,
        get=GET_ONLY,
        post=managers(redirect(OWN_GRANTS, statuses=SEE_OTHER)),
    ),
    # Course rosters: every member of the agency's staff.
    Row("backoffice:courses", targets=agencies, get=staff(OK), post=GET_ONLY),
    Row("backoffice:roster", targets=rosters, get=staff(OK), post=GET_ONLY),
    Row("backoffice:roster_csv", targets=rosters, get=staff(OK), post=GET_ONLY),
    Row(
        "backoffice:roster_attendance",
        targets=rosters,
        get=GET_ONLY,
        post=staff(TO_THE_ROSTERS),
        note="nobody marked present at the first session",
    ),
    Row("backoffice:roster_capacity", targets=rosters, get=GET_ONLY, post=staff(FORM_ERRORS)),
    Row("backoffice:roster_message", targets=rosters, get=GET_ONLY, post=staff(FORM_ERRORS)),
    Row(
        "backoffice:roster_cancel",
        targets=fresh_roster_enrollments,
        fresh=True,
        get=GET_ONLY,
        post=staff(TO_THE_ROSTERS),
    ),
]

# The admin, one group: every admin address is sampled (`admin_samples`), for every persona.
ADMIN_ROW = Row("admin:*", get=admin_only(ADMITTED), post=admin_only(ADMITTED))

CATCH_ALL = "admin: (any other address)"
# Admin addresses that are not behind the admin's door, or answer a method otherwise.
ADMIN_ROWS: dict[str, Row] = {
    "admin:login": Row(
        "admin:login",
        get=everyone(OK).but(admin=redirect("admin:index")),
        post=everyone(OK),
        note="POST: an empty form is shown again",
    ),
    "admin:logout": Row(
        "admin:logout",
        get=everyone(redirect("admin:index")).but(admin=NOT_ALLOWED),
        post=everyone(redirect("admin:index")).but(admin=OK),
    ),
    # An address the admin does not have: 404, but only to those let in.
    CATCH_ALL: Row(CATCH_ALL, get=admin_only(NOT_FOUND), post=admin_only(NOT_FOUND)),
}
# A POST there would delete the sampled object for the one persona let in.
ADMIN_NOT_POSTED = ("_delete",)


def _filled(route: str, values: dict[str, Any]) -> str:
    return re.sub(r"<(?:\w+:)?(\w+)>", lambda found: str(values[found[1]]), route)


def admin_samples(world: World) -> list[tuple[str, str]]:
    """One address of every admin URL pattern (an app index for every app), as (name, path)."""
    models = {
        (model._meta.app_label, model._meta.model_name): model for model in admin.site._registry
    }
    samples: list[tuple[str, str]] = []
    for pattern in m.url_patterns():
        if not m.is_admin(pattern.name):
            continue
        if "(?P<app_label>" in pattern.route:
            labels = {label for label, _model in models}
            samples += [
                (pattern.name, reverse("admin:app_list", args=[label])) for label in sorted(labels)
            ]
            continue
        if "(?P<url>" in pattern.route:
            samples.append((CATCH_ALL, "/fi/admin/no-such-page/"))
            continue
        parts = pattern.route.split("/")
        values: dict[str, Any]
        if parts[2] == "r":
            service = world.services[m.OF_RESIDENT]
            content_type = ContentType.objects.get_for_model(service)
            values = {"content_type_id": content_type.pk, "object_id": service.pk}
        else:
            model = models.get((parts[2], parts[3])) if len(parts) > 3 else None
            obj = model._default_manager.order_by("pk").first() if model else None
            assert model is None or obj is not None, f"no {model} to sample"
            pk = obj.pk if obj else None
            values = {"object_id": pk, "pk": pk, "id": pk}
        samples.append((pattern.name, "/" + _filled(pattern.route, values)))
    return samples


def mounted_rows() -> list[Row]:
    return [row for row in ROWS + EDITOR_ROWS if not row.only_if or getattr(settings, row.only_if)]


# --- the tests ------------------------------------------------------------------------------


def test_the_table_has_a_row_for_every_address_and_no_other() -> None:
    names = [p.name for p in m.url_patterns() if not m.is_admin(p.name)]
    assert all(name and not name.endswith(":") for name in names), "an address without a name"
    rows = [row.name for row in mounted_rows()]
    assert len(rows) == len(set(rows)), "a URL name with two rows"
    assert not set(names) - set(rows), f"addresses without a row: {sorted(set(names) - set(rows))}"
    assert not set(rows) - set(names), f"rows of no address: {sorted(set(rows) - set(names))}"
    assert set(ADMIN_ROWS) - {CATCH_ALL} <= {p.name for p in m.url_patterns()}


def test_csrf_exempt_rows_are_the_views_that_are() -> None:
    callbacks = {p.name: p.callback for p in m.url_patterns()}
    exempt = {name for name, view in callbacks.items() if getattr(view, "csrf_exempt", False)}
    assert {row.name for row in mounted_rows() if row.csrf_exempt} == exempt - {
        name for name in exempt if m.is_admin(name)
    }


def _sample_kwargs(pattern: m.Pattern) -> dict[str, Any]:
    values = {"int": 7, "uuid": "0b6e4c8e-3a4c-4b8e-9f3e-1d2c3b4a5f60", "path": "x/y"}
    found = re.findall(r"<(?:(\w+):)?(\w+)>", pattern.route)
    return {name: values.get(converter, "sample") for converter, name in found}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_address_in_swedish_and_english_is_the_same_view_as_in_finnish(language: str) -> None:
    differing = []
    for pattern in m.url_patterns():
        if not pattern.name or pattern.name.endswith(":") or "(?P<" in pattern.route:
            continue
        kwargs = _sample_kwargs(pattern)
        with translation.override("fi"):
            finnish = reverse(pattern.name, kwargs=kwargs)
        with translation.override(language):
            other = reverse(pattern.name, kwargs=kwargs)
            match = resolve(other)
        if match.func is not resolve(finnish).func or match.view_name != pattern.name:
            differing.append(f"{pattern.name}: {finnish} vs {other} ({match.view_name})")
        if pattern.route.startswith("fi/") and not other.startswith(f"/{language}/"):
            differing.append(f"{pattern.name}: {other} is not under /{language}/")
    assert not differing, "\n".join(differing)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("clamd")
def test_every_address_answers_every_persona_as_the_table_says(
    portal: str,  # noqa: F811
    settings: LazySettings,
    tmp_path: Path,
) -> None:
    # The portal's own OIDC keys (the JWKS it publishes), as `make run` makes them.
    keys_file = tmp_path / "client-keys.json"
    keys_file.write_text(json.dumps(generate_keys().as_dict(private=True)))
    settings.OIDC_CLIENT_JWKS_FILE = str(keys_file)
    client_keys.cache_clear()
    # The GDPR API configured (it answers 404 without an issuer): nobody reaches its keys.
    settings.GDPR_API_ISSUER = "https://profiili.invalid/realms/helsinki"
    settings.GDPR_API_AUDIENCE = "asiointi"
    world = build(portal)
    matrix = m.Matrix(world)
    for row in mounted_rows():
        matrix.row(row)
    for name, path in admin_samples(world):
        matrix.admin(ADMIN_ROWS.get(name, ADMIN_ROW), name, path, ADMIN_NOT_POSTED)
    mismatches = matrix.run()
    assert not mismatches, m.report(mismatches, matrix.tried)
