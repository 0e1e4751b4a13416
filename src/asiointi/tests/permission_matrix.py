"""The machinery of the permission matrix (`test_permission_matrix.py` holds the table).

Every address of the resolver gets one row: the address's objects (`targets`, named by whose
they are) and, for GET and POST, a rule saying what each persona gets. A rule is read per
persona and per object owner, so a row reads as "the owner and those acting for them see it,
anyone else gets 404, anonymous visitors are sent to log in".
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from django.http import HttpResponse
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import translation

ANONYMOUS = "anonymous"
RESIDENT = "resident"
OTHER_RESIDENT = "another resident"
ROLE_HOLDER = "organisation role holder"
MANDATE_HOLDER = "mandate holder for S1"
NO_RIGHTS = "person without rights in the organisation"
OWN_STAFF = "staff of the owning agency"
OWN_MANAGER = "service manager of the owning agency"
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


# What each member of staff handles: their agency's inbox and its cases.
STAFF_OF: dict[str, frozenset[str]] = {
    OWN_STAFF: frozenset({OF_OWNING_AGENCY, OF_RESIDENT, OF_S1}),
    OWN_MANAGER: frozenset({OF_OWNING_AGENCY, OF_RESIDENT, OF_S1}),
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

    def expected(self, persona: str, owner: str) -> Answer:
        named = dict(self.overrides).get(persona)
        if named:
            return named
        if persona == AUDITOR and not self.decides_for_auditor:
            return self.expected(OTHER_STAFF, owner)
        return self.decide(persona, owner)

    def but(self, **answers: Answer) -> "Rule":
        named = {_persona_named(key): answer for key, answer in answers.items()}
        return Rule(self.decide, (*self.overrides, *named.items()), self.decides_for_auditor)


_KEYWORDS = {
    "anonymous": ANONYMOUS,
    "resident": RESIDENT,
    "other_resident": OTHER_RESIDENT,
    "role_holder": ROLE_HOLDER,
    "mandate_holder": MANDATE_HOLDER,
    "no_rights": NO_RIGHTS,
    "own_staff": OWN_STAFF,
    "own_manager": OWN_MANAGER,
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


def customer(answer: Answer) -> Rule:
    """`acting_required` without an object: the person's own page, or the organisation's for
    anyone it has given a right; a person whose right is gone is told so."""

    def decide(persona: str, owner: str) -> Answer:
        if persona == ANONYMOUS:
            return LOGIN
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
        if persona == ANONYMOUS:
            return LOGIN
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
        if persona == ANONYMOUS:
            return LOGIN
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


# --- the resolver ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    name: str  # "namespace:name", or "namespace:" for an unnamed pattern
    route: str
    callback: Callable[..., Any]


def url_patterns(language: str = "fi") -> Iterator[Pattern]:
    """Every pattern of the resolver, its route in the language (i18n prefix included)."""
    with translation.override(language):
        yield from _walk(get_resolver().url_patterns, "", "")


def _walk(patterns: list[Any], prefix: str, namespace: str) -> Iterator[Pattern]:
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name or ''}" if namespace else (pattern.name or "")
            yield Pattern(name=name, route=route, callback=pattern.callback)


def is_admin(name: str) -> bool:
    return name.split(":", 1)[0] == "admin"


# --- running the cells ----------------------------------------------------------------------


@dataclass
class Mismatch:
    method: str
    url: str
    row: str
    owner: str
    persona: str
    expected: str
    got: str

    def __str__(self) -> str:
        whose = f" [{self.owner}]" if self.owner else ""
        return (
            f"{self.method:4} {self.url} ({self.row}{whose}) × {self.persona}: "
            f"expected {self.expected}, got {self.got}"
        )


def answer_of(status: int, location: str) -> str:
    return f"{status} to {location}" if location else str(status)


def report(mismatches: list[Mismatch], cells: int) -> str:
    lines = [f"{len(mismatches)} of {cells} cells differ from the table:"]
    lines.extend(str(m) for m in mismatches)
    return "\n".join(lines)


GET, POST = "GET", "POST"
CSRF_FAILURE = "csrf_failure.html"


@dataclass
class Cell:
    row: Row
    method: str
    persona: str
    target: int  # which of the row's targets
    url: str = ""  # fixed (the admin's samples); else from the row's targets
    owner: str = ""


class Matrix:
    """Every cell of the table, tried: GETs first, then POSTs (with the persona's CSRF token),
    then each POST endpoint once without a token."""

    def __init__(self, world: Any) -> None:
        self.world = world
        self.cells: list[Cell] = []
        self.tried = 0
        self._targets: dict[str, list[Target]] = {}

    def row(self, row: Row) -> None:
        targets = row.targets(self.world) if row.targets else [Target({})]
        self._targets[row.name] = targets
        for index, target in enumerate(targets):
            for method in (GET, POST):
                for persona in PERSONAS:
                    self.cells.append(Cell(row, method, persona, index, owner=target.owner))

    def admin(self, row: Row, name: str, url: str, not_posted: tuple[str, ...]) -> None:
        for method in (GET, POST):
            for persona in PERSONAS:
                if method == POST and persona == ADMIN and name.endswith(not_posted):
                    continue
                self.cells.append(Cell(row, method, persona, 0, url=url))

    def run(self) -> list[Mismatch]:
        mismatches = []
        for cell in sorted(self.cells, key=lambda cell: cell.method):
            expected = (cell.row.get if cell.method == GET else cell.row.post).expected(
                cell.persona, cell.owner
            )
            found = self._try(cell, expected, with_token=True)
            if found:
                mismatches.append(found)
        for cell in self._csrf_cells():
            found = self._try(cell, None, with_token=False)
            if found:
                mismatches.append(found)
        return mismatches

    def _csrf_cells(self) -> list[Cell]:
        """One POST per endpoint and target, by the first persona the endpoint lets in."""
        chosen: dict[tuple[str, str, int], Cell] = {}
        for cell in self.cells:
            if cell.method != POST:
                continue
            answer = cell.row.post.expected(cell.persona, cell.owner)
            if answer in (NOT_ALLOWED, NOT_FOUND, LOGIN, ADMIN_LOGIN, STAFF_LOGIN, REFUSED):
                continue
            chosen.setdefault((cell.row.name, cell.url, cell.target), cell)
        return list(chosen.values())

    def _url(self, cell: Cell) -> str:
        if cell.url:
            return cell.url
        row = cell.row
        target = (
            row.targets(self.world) if row.fresh and row.targets else self._targets[row.name]
        )[cell.target]
        with translation.override("fi"):
            url = reverse(row.name, kwargs=target.kwargs or None)
        assert resolve(url).view_name == row.name, url
        return url

    def _try(self, cell: Cell, expected: Answer | None, *, with_token: bool) -> Mismatch | None:
        persona = self.world.personas[cell.persona]
        client = persona.client()
        url = self._url(cell)
        self.tried += 1
        if cell.method == GET:
            response = client.get(url)
        else:
            data = dict(cell.row.post_data)
            if with_token:
                data["csrfmiddlewaretoken"] = persona.csrf_token
            response = client.post(url, data)
        location = response.get("Location", "")
        if expected is None:  # without a token
            if cell.row.csrf_exempt:
                expected = cell.row.post.expected(cell.persona, cell.owner)
            else:
                templates = [t.name for t in getattr(response, "templates", [])]
                if response.status_code == 403 and CSRF_FAILURE in templates:
                    return None
                expected = Answer((403,), label="403, the CSRF failure page")
                return self._mismatch(cell, url, "POST without token", expected, response)
        if expected.matches(response.status_code, location):
            return None
        return self._mismatch(cell, url, cell.method, expected, response)

    def _mismatch(
        self, cell: Cell, url: str, method: str, expected: Answer, response: HttpResponse
    ) -> Mismatch:
        got = answer_of(response.status_code, response.get("Location", ""))
        error = getattr(response, "exc_info", None)
        if error:
            got += f" ({error[1]!r})"
        return Mismatch(method, url, cell.row.name, cell.owner, cell.persona, str(expected), got)
