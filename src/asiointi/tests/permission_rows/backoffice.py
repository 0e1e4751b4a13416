"""The back office: an agency's staff with a verified second factor, its own things only."""

import uuid
from collections.abc import Callable
from typing import Any

from django.urls import reverse
from django.utils import translation

from asiointi.backoffice.invitations import invitation_token
from asiointi.backoffice.models import AgencyMembership, StaffInvitation
from asiointi.backoffice.tests.support import OTHER_AGENCY, OWNING_AGENCY
from asiointi.identity.models import User
from asiointi.tests import permission_matrix as m
from asiointi.tests.permission_matrix import (
    NOT_FOUND,
    OK,
    STAFF_LOGIN,
    Answer,
    Row,
    Rule,
    Target,
    agency_admins,
    auditor,
    everyone,
    managers,
    redirect,
    staff,
)
from asiointi.tests.permission_rows.common import (
    FORM_ERRORS,
    GET_ONLY,
    PUBLIC,
    SEE_OTHER,
    agencies,
)
from asiointi.tests.permission_world import World


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


def _of_owning_agency(world: World, key: str, values: dict[str, str]) -> list[Target]:
    """Each owner's thing (`key`: its value) under the owning agency's address (S2's is a third
    agency's: not found there even by the owning agency's staff)."""
    agency = world.agencies[m.OF_OWNING_AGENCY].slug
    return [Target({"agency": agency, key: value}, owner) for owner, value in values.items()]


def _with_pk(targets: list[Target], pk: Callable[[Target], int]) -> list[Target]:
    """The targets' addresses, each one level deeper: the object `pk` gives for the target."""
    return [Target({**t.kwargs, "pk": pk(t)}, t.owner) for t in targets]


def rosters(world: World) -> list[Target]:
    return _of_owning_agency(world, "code", {o: c.code for o, c in world.courses.items()})


def fresh_roster_enrollments(world: World) -> list[Target]:
    return _with_pk(rosters(world), lambda t: world.fresh_enrollment(t.owner).pk)


def grants_of_agencies(world: World) -> list[Target]:
    """A grant that is not there (a second press of "Revoke"): the agency's managers are sent
    back to the list; the grants that are there keep the other rows' services open."""
    return _with_pk(agencies(world), lambda t: 987654)


def decision_templates(world: World) -> list[Target]:
    """A decision template of each agency, under that agency's address."""
    from asiointi.backoffice.models import DecisionTemplate

    def template(target: Target) -> int:
        found, _created = DecisionTemplate.objects.get_or_create(
            agency=world.agencies[target.owner],
            name="Päätöspohja",
            defaults={"body_fi": "Päätös asiassa {reference}."},
        )
        return found.pk

    return _with_pk(agencies(world), template)


def fresh_members(world: World) -> list[Target]:
    """A new clerk of each agency under its agency's address, for a cell that changes, resets
    or removes one."""
    targets = []
    for owner, agency in world.agencies.items():
        user = User.objects.create_user(
            username=f"matrix-{uuid.uuid4().hex[:12]}", email="matrix.member@example.fi"
        )
        member = AgencyMembership.objects.create(user=user, agency=agency)
        targets.append(Target({"agency": agency.slug, "pk": member.pk}, owner))
    return targets


def invitations(world: World) -> list[Target]:
    """A link sent to a new member (never used: every POST here lacks the password and code),
    and a forged one."""
    user = User.objects.create_user(username=f"matrix-{uuid.uuid4().hex[:12]}")
    agency = world.agencies[m.OF_OWNING_AGENCY]
    AgencyMembership.objects.create(user=user, agency=agency)
    invitation = StaffInvitation.objects.create(user=user, agency=agency, totp_key="ab" * 20)
    return [
        Target({"token": invitation_token(invitation)}, "", "a link sent"),
        Target({"token": "MTIz:forged:signature"}, "a forged link", "a forged link"),
    ]


GONE = Answer((410,), label="410, the link no longer works")


def _invitation(answer: Answer) -> Rule:
    """Anyone with the link gets `answer`; a forged link is gone for everyone."""
    return Rule(lambda persona, owner: GONE if owner else answer)


def services(world: World) -> list[Target]:
    return _of_owning_agency(world, "slug", {o: s.slug for o, s in world.services.items()})


def content_managers(answer: Answer) -> Rule:
    """The editors of service pages and courses: the agency's managers, and a platform
    superuser with a verified device for any agency (a third agency's thing under the owning
    agency's address is not found even so)."""
    managing = managers(answer)

    def decide(persona: str, owner: str) -> Answer:
        if persona == m.ADMIN:
            return NOT_FOUND if owner == m.OF_S2 else answer
        return managing.expected(persona, owner)

    return Rule(decide)


def _own(name: str, agency: str = OWNING_AGENCY) -> Callable[[], str]:
    """The Finnish address of the agency's page."""

    def address() -> str:
        with translation.override("fi"):
            return reverse(name, args=[agency])

    return address


OWN_INBOX = _own("backoffice:inbox")
OWN_GRANTS = _own("backoffice:grants")
OWN_DECISION_TEMPLATES = _own("backoffice:decision_templates")

# Back to the agency's staff page (the owning agency's or, for a platform superuser, the other's).
TO_THE_STAFF = Answer((303,), label="303 back to the staff page")
TO_THE_ROSTERS = redirect(_own("backoffice:courses"), statuses=SEE_OTHER)
# Back to the case (or its notes, its thread): an address under the agency's inbox.
TO_THE_CASE = redirect(OWN_INBOX)
HOME = everyone(STAFF_LOGIN).but(
    own_staff=redirect(OWN_INBOX),
    own_manager=redirect(OWN_INBOX),
    own_admin=redirect(OWN_INBOX),
    other_staff=redirect(_own("backoffice:inbox", OTHER_AGENCY)),
    admin=OK,
)


ROWS: list[Row] = [
    Row("backoffice:home", get=HOME, post=GET_ONLY),
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
    Row(
        "backoffice:case_decision_preview",
        targets=cases,
        get=GET_ONLY,
        post=staff(OK),
        post_data={"kind": "decision", "body": "Päätös."},
        note="POST: the decision's PDF, nothing sent",
    ),
    # Decision templates: service managers and agency administrators only.
    Row("backoffice:decision_templates", targets=agencies, get=managers(OK), post=GET_ONLY),
    Row(
        "backoffice:decision_template_add",
        targets=agencies,
        get=managers(OK),
        post=managers(FORM_ERRORS),
    ),
    Row(
        "backoffice:decision_template_preview",
        targets=agencies,
        get=GET_ONLY,
        post=managers(FORM_ERRORS),
        note="POST: an empty template is not previewed",
    ),
    Row(
        "backoffice:decision_template_edit",
        targets=decision_templates,
        get=managers(OK),
        post=managers(FORM_ERRORS),
    ),
    Row(
        "backoffice:decision_template_active",
        targets=decision_templates,
        get=GET_ONLY,
        post=managers(redirect(OWN_DECISION_TEMPLATES, statuses=SEE_OTHER)),
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
    # The agency's staff: its administrators and platform superusers.
    Row("backoffice:staff", targets=agencies, get=agency_admins(OK), post=GET_ONLY),
    Row(
        "backoffice:staff_add",
        targets=agencies,
        get=GET_ONLY,
        post=agency_admins(FORM_ERRORS),
        note="nothing filled in",
    ),
    Row(
        "backoffice:staff_role",
        targets=fresh_members,
        fresh=True,
        get=GET_ONLY,
        post=agency_admins(TO_THE_STAFF),
        post_data={"role": "service_manager"},
    ),
    Row(
        "backoffice:staff_remove",
        targets=fresh_members,
        fresh=True,
        get=agency_admins(OK),
        post=agency_admins(TO_THE_STAFF),
        note="GET: the confirmation page",
    ),
    Row(
        "backoffice:staff_reset",
        targets=fresh_members,
        fresh=True,
        get=agency_admins(OK),
        post=agency_admins(TO_THE_STAFF),
        note="GET: the confirmation page",
    ),
    # The invitee's set-up page: the signed link is the key, whoever opens it.
    Row(
        "backoffice:staff_invitation",
        targets=invitations,
        get=_invitation(OK),
        post=_invitation(FORM_ERRORS),
        note="POST: no password or code",
    ),
    # Service pages and courses: their managers (issue 14), an empty POST shows the form again.
    Row("backoffice:services", targets=agencies, get=content_managers(OK), post=GET_ONLY),
    Row(
        "backoffice:service_edit",
        targets=services,
        get=content_managers(OK),
        post=content_managers(FORM_ERRORS),
    ),
    Row(
        "backoffice:course_edit",
        targets=rosters,
        get=content_managers(OK),
        post=content_managers(FORM_ERRORS),
    ),
    Row(
        "backoffice:course_new",
        targets=agencies,
        get=content_managers(OK),
        post=content_managers(FORM_ERRORS),
    ),
]
