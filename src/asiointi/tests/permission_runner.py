"""Running the permission matrix: every pattern of the resolver, and every cell of the table
tried with each persona's own session (`permission_world.py`)."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.http import HttpResponse
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import translation

from asiointi.tests.permission_matrix import (
    ADMIN,
    ADMIN_LOGIN,
    LOGIN,
    NOT_ALLOWED,
    NOT_FOUND,
    PERSONAS,
    REFUSED,
    STAFF_LOGIN,
    Answer,
    Row,
    Target,
)

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
