"""The words of the permission matrix: personas, owners, answers, rules and rows (the table is
in `permission_rows/`, the running of its cells in `permission_runner.py`).

Every address of the resolver gets one row: the address's objects (`targets`, named by whose
they are) and, for GET and POST, a rule saying what each persona gets. A rule is read per
persona and per object owner, so a row reads as "the owner and those acting for them see it,
anyone else gets 404, anonymous visitors are sent to log in".
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from django.urls import reverse
from django.utils import translation

ANONYMOUS = "anonymous"
RESIDENT = "resident"
OTHER_RESIDENT = "another resident"
ROLE_HOLDER = "organisation role holder"
MANDATE_HOLDER = "mandate holder for S1"
NO_RIGHTS = "person without rights in the organisation"
OWN_STAFF = "staff of the owning agency"
OWN_MANAGER = "service manager of the owning agency"
# May do everything a service manager may: everywhere but the staff pages the same as OWN_MANAGER
# (`Rule.expected`).
OWN_ADMIN = "agency administrator of the owning agency"
OTHER_STAFF = "staff of another agency"
# A clerk of the other agency who also holds the auditor role: everywhere but the audit log's
# pages the same as OTHER_STAFF (`Rule.expected`).
AUDITOR = "auditor (also staff of another agency)"
SUPERUSER = "superuser without a verified device"
ADMIN = "superuser with a verified device"

PERSONAS = (
    ANONYMOUS,
    RESIDENT,
    OTHER_RESIDENT,
    ROLE_HOLDER,
    MANDATE_HOLDER,
    NO_RIGHTS,
    OWN_STAFF,
    OWN_MANAGER,
    OWN_ADMIN,
    OTHER_STAFF,
    AUDITOR,
    SUPERUSER,
    ADMIN,
)

# Whose an object is: the resident's, or the organisation's of service S1 (in Tessa's mandate),
# of S2 (outside it), of no service, or the organisation's as a whole (its data export).
OF_RESIDENT = "resident"
OF_S1 = "organisation, S1"
OF_S2 = "organisation, S2"
OF_NO_SERVICE = "organisation, no service"
OF_ORGANISATION = "organisation"

# The back office's: an agency's (its inbox), the owning agency's being the one whose services the
# resident's and S1's forms are (S2's is a third agency's).
OF_OWNING_AGENCY = "owning agency"
OF_OTHER_AGENCY = "another agency"

# What each persona may open of whose: acting for the organisation with a role opens all of it,
# a mandate for S1 only S1's things. Staff and superusers are nobody's representative here.
SEES: dict[str, frozenset[str]] = {
    RESIDENT: frozenset({OF_RESIDENT}),
    ROLE_HOLDER: frozenset({OF_S1, OF_S2, OF_NO_SERVICE, OF_ORGANISATION}),
    MANDATE_HOLDER: frozenset({OF_S1}),
}


@dataclass(frozen=True)
class Answer:
    """An expected answer: a status (or one of several), and for a redirect where it leads.

    `to` is a view name (reversed in Finnish) or a path; the Location must start with it.
    `admitted` accepts any answer but a redirect to a login page, 404 and a server error: the
    admin's pages differ per model (read-only ones refuse adding), but the persona is let in."""

    status: tuple[int, ...]
    to: str | Callable[[], str] = ""
    label: str = ""
    admitted: bool = False

    def matches(self, status: int, location: str) -> bool:
        if self.admitted:
            return status < 500 and status != 404 and "/login/" not in location
        if status not in self.status:
            return False
        address = urlsplit(location)  # the identity provider's own origin included
        where = address.path + (f"?{address.query}" if address.query else "")
        return not self.to or where.startswith(_path(self.to))

    def __str__(self) -> str:
        return self.label or "/".join(map(str, self.status))


def _path(to: str | Callable[[], str]) -> str:
    if callable(to):
        return to()
    if to.startswith("/"):
        return to
    with translation.override("fi"):
        return reverse(to)


def page(label: str = "page 200") -> Answer:
    return Answer((200,), label=label)


def redirect(to: str | Callable[[], str], *, statuses: tuple[int, ...] = (302,)) -> Answer:
    where = to() if callable(to) else to
    return Answer(statuses, to=to, label=f"{'/'.join(map(str, statuses))} to {where}")


def below(name: str, query: str = "", **kwargs: Any) -> Callable[[], str]:
    """The Finnish address of the view up to its first argument (the addresses are translated):
    `below("submissions:draft_resume", pk=...)` is every draft's address."""

    def address() -> str:
        with translation.override("fi"):
            full = reverse(name, kwargs=kwargs or None)
        cut = min((full.find(str(v)) for v in kwargs.values()), default=len(full))
        return full[:cut] + query

    return address


OK = page()
NOT_FOUND = Answer((404,), label="404")
NOT_ALLOWED = Answer((405,), label="405")
FORBIDDEN = Answer((403,), label="403")
BAD_REQUEST = Answer((400,), label="400")
UNAUTHORIZED = Answer((401,), label="401")
LOGIN = redirect("identity:login")
STAFF_LOGIN = redirect("backoffice:login")
ADMIN_LOGIN = redirect("admin:login")
REFUSED = redirect("organisations:refused")
ADMITTED = Answer((), label="admitted", admitted=True)
AUDIENCE = redirect(below("organisations:audience_refused", slug="SLUG"))
REFUSAL_PAGE = Answer((403,), label="403, the page that explains")
# A staff-only account (no identity code) is no resident: resident pages say where residents log in.
NOT_A_RESIDENT = Answer((403,), label="403, staff are not residents")
STAFF_ONLY = frozenset({OWN_STAFF, OWN_MANAGER, OWN_ADMIN, OTHER_STAFF, AUDITOR, SUPERUSER, ADMIN})


# What each member of staff handles: their agency's inbox and its cases.
STAFF_OF: dict[str, frozenset[str]] = {
    OWN_STAFF: frozenset({OF_OWNING_AGENCY, OF_RESIDENT, OF_S1}),
    OWN_MANAGER: frozenset({OF_OWNING_AGENCY, OF_RESIDENT, OF_S1}),
    OWN_ADMIN: frozenset({OF_OWNING_AGENCY, OF_RESIDENT, OF_S1}),
    OTHER_STAFF: frozenset({OF_OTHER_AGENCY}),
}


@dataclass(frozen=True)
class Rule:
    """What each persona gets (`answer`), unless `overrides` names the persona."""

    decide: Callable[[str, str], Answer]
    overrides: tuple[tuple[str, Answer], ...] = ()
    # The rule decides for the auditor itself (the audit log's pages); otherwise the auditor
    # gets what the other agency's staff get.
    decides_for_auditor: bool = False
    # The rule decides for the agency administrator itself (the staff pages); otherwise the
    # administrator gets what the agency's service manager gets.
    decides_for_agency_admin: bool = False

    def expected(self, persona: str, owner: str) -> Answer:
        named = dict(self.overrides).get(persona)
        if named:
            return named
        if persona == AUDITOR and not self.decides_for_auditor:
            return self.expected(OTHER_STAFF, owner)
        if persona == OWN_ADMIN and not self.decides_for_agency_admin:
            return self.expected(OWN_MANAGER, owner)
        return self.decide(persona, owner)

    def but(self, **answers: Answer) -> "Rule":
        named = {_persona_named(key): answer for key, answer in answers.items()}
        return Rule(
            self.decide,
            (*self.overrides, *named.items()),
            self.decides_for_auditor,
            self.decides_for_agency_admin,
        )


_KEYWORDS = {
    "anonymous": ANONYMOUS,
    "resident": RESIDENT,
    "other_resident": OTHER_RESIDENT,
    "role_holder": ROLE_HOLDER,
    "mandate_holder": MANDATE_HOLDER,
    "no_rights": NO_RIGHTS,
    "own_staff": OWN_STAFF,
    "own_manager": OWN_MANAGER,
    "own_admin": OWN_ADMIN,
    "other_staff": OTHER_STAFF,
    "auditor": AUDITOR,
    "superuser": SUPERUSER,
    "admin": ADMIN,
}


def _persona_named(keyword: str) -> str:
    return _KEYWORDS[keyword]


def everyone(answer: Answer) -> Rule:
    """The same for every persona: public pages, the protocol endpoints."""
    return Rule(lambda persona, owner: answer)


def logged_in(answer: Answer) -> Rule:
    """`login_required`: anonymous visitors log in first."""
    return Rule(lambda persona, owner: LOGIN if persona == ANONYMOUS else answer)


def not_a_customer(persona: str) -> Answer | None:
    """`acting_required` before anything else: anonymous visitors log in, staff are told that
    they are not residents."""
    if persona == ANONYMOUS:
        return LOGIN
    return NOT_A_RESIDENT if persona in STAFF_ONLY else None


def customer(answer: Answer) -> Rule:
    """`acting_required` without an object: the person's own page, or the organisation's for
    anyone it has given a right; a person whose right is gone is told so."""

    def decide(persona: str, owner: str) -> Answer:
        if refused := not_a_customer(persona):
            return refused
        if persona == NO_RIGHTS:
            return REFUSED
        return answer

    return Rule(decide)


def customer_wide(answer: Answer) -> Rule:
    """The customer's things as a whole (the data export, preferences): a mandate for some
    services is not enough."""
    return customer(answer).but(mandate_holder=NOT_FOUND)


def owners(answer: Answer) -> Rule:
    """An object: its customer, and anyone acting for it within the object's service, get
    `answer`; anyone else 404 (not 403: nothing tells that it exists)."""

    def decide(persona: str, owner: str) -> Answer:
        if refused := not_a_customer(persona):
            return refused
        if persona == NO_RIGHTS:
            return REFUSED
        return answer if owner in SEES.get(persona, frozenset()) else NOT_FOUND

    return Rule(decide)


def starts(answer: Answer, *, groups_anywhere: bool = False) -> Rule:
    """Starting something of a service (a form, an enrollment): whoever may act for the
    service's customer kind gets `answer`; a mandate holder outside the mandate is refused;
    a service for the other kind of customer explains that (`audience_refused`).

    Owners here name the service: the resident's (for persons), S1 and S2 (organisations).
    `groups_anywhere`: a course open to groups takes an organisation's enrollment whatever its
    service's audience."""

    def decide(persona: str, owner: str) -> Answer:
        if refused := not_a_customer(persona):
            return refused
        if persona == NO_RIGHTS:
            return REFUSED
        if persona in (ROLE_HOLDER, MANDATE_HOLDER):
            if owner in SEES[persona]:
                return answer
            if persona == MANDATE_HOLDER:
                return REFUSED
            return answer if groups_anywhere else AUDIENCE
        return answer if owner == OF_RESIDENT else AUDIENCE

    return Rule(decide)


def staff(answer: Answer, of: dict[str, Answer] | None = None) -> Rule:
    """The back office: the agency's staff (a verified second factor) get `answer` (or, per
    owner, `of[owner]`) for their agency's things; other staff and a platform superuser 404;
    anyone else, a superuser without a verified device included, to the staff login."""
    by_owner = of or {}

    def decide(persona: str, owner: str) -> Answer:
        if persona in STAFF_OF or persona == ADMIN:
            if owner in STAFF_OF.get(persona, frozenset()):
                return by_owner.get(owner, answer)
            return NOT_FOUND
        return STAFF_LOGIN

    return Rule(decide)


def auditor(answer: Answer) -> Rule:
    """The audit log: staff with the auditor role get `answer`; other staff and a platform
    superuser 404; anyone else, a superuser without a verified device included, to the staff
    login."""

    def decide(persona: str, owner: str) -> Answer:
        if persona == AUDITOR:
            return answer
        if persona in STAFF_OF or persona == ADMIN:
            return NOT_FOUND
        return STAFF_LOGIN

    return Rule(decide, decides_for_auditor=True)


def managers(answer: Answer) -> Rule:
    """The back office's pages for service managers (and agency administrators): clerks (of the
    agency or another: both staff personas are clerks) 404 like any other member of staff."""
    return staff(answer).but(own_staff=NOT_FOUND, other_staff=NOT_FOUND)


def agency_admins(answer: Answer) -> Rule:
    """The staff pages: the agency's administrators (for their agency's things) and platform
    superusers with a verified device (for every agency's) get `answer`; other staff 404;
    anyone else, a superuser without a verified device included, to the staff login."""

    def decide(persona: str, owner: str) -> Answer:
        if persona == ADMIN or (persona == OWN_ADMIN and owner in STAFF_OF[OWN_ADMIN]):
            return answer
        if persona in STAFF_OF:
            return NOT_FOUND
        return STAFF_LOGIN

    return Rule(decide, decides_for_agency_admin=True)


def admin_only(answer: Answer) -> Rule:
    """The Django admin: OTP-verified superusers only; everyone else to its login page."""
    return Rule(lambda persona, owner: answer if persona == ADMIN else ADMIN_LOGIN)


@dataclass(frozen=True)
class Target:
    """One address to try: its arguments and whose object it shows."""

    kwargs: dict[str, Any]
    owner: str = ""
    label: str = ""


Targets = Callable[[Any], list[Target]]


@dataclass(frozen=True)
class Row:
    """One URL name: what every persona gets by GET and by POST.

    `targets` gives the addresses (objects of each owner) from the test's world; `fresh`
    asks it again for every cell, for a POST that uses its object up (deleting a draft).
    `post_data` is sent besides the CSRF token. `csrf_exempt` rows take cross-site POSTs
    (identity provider callbacks) and must say so."""

    name: str
    get: Rule
    post: Rule
    targets: Targets | None = None
    fresh: bool = False
    post_data: dict[str, str] = field(default_factory=dict)
    csrf_exempt: bool = False
    only_if: str = ""  # a setting that mounts the address (DEVIDP_ENABLED, DEV_OUTBOX_ENABLED)
    note: str = ""
