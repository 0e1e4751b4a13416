"""The form editor.

Its own access test (`formeditor/tests/test_access.py`) tries a manager, a clerk, another
agency's manager, a resident and an anonymous visitor on every address. Here: the service
manager of the owning agency (whose service's form the rows open) and a platform administrator
with a verified device get in, clerks of either agency get 404, anyone else is sent to the
staff login."""

from typing import Any

from asiointi.formeditor.models import FormDraft
from asiointi.formeditor.services import draft_open
from asiointi.tests import permission_matrix as m
from asiointi.tests.permission_matrix import Answer, Row, Rule, Target

BAD = Answer((400,), label="400, the form again with its errors")
GET_ONLY = m.everyone(m.NOT_ALLOWED)
SEE_OTHER = Answer((302,), label="302 back into the editor")


def editor(answer: Answer) -> Rule:
    def decide(persona: str, owner: str) -> Answer:
        if persona in (m.ADMIN, m.OWN_MANAGER):
            return answer
        if persona in (m.OWN_STAFF, m.OTHER_STAFF):
            return m.NOT_FOUND
        return m.STAFF_LOGIN

    return Rule(decide)


def _draft(world: Any) -> str:
    """The resident's service's form opened for editing, as published (every cell afresh: a
    POST may have deleted the page the next one changes)."""
    service = world.services[m.OF_RESIDENT]
    draft = draft_open(service=service, user=None)
    assert draft.based_on is not None
    FormDraft.objects.filter(pk=draft.pk).update(document=draft.based_on.document)
    return str(service.slug)


def _targets(**kwargs: object) -> Any:
    def targets(world: Any) -> list[Target]:
        return [Target({"service": _draft(world), **kwargs}, m.OF_OWNING_AGENCY)]

    return targets


def _row(name: str, get: Rule, post: Rule, **kwargs: object) -> Row:
    return Row(f"formeditor:{name}", targets=_targets(**kwargs), fresh=True, get=get, post=post)


PAGE = {"page_key": "vehicle"}
QUESTION = {"page_key": "vehicle", "key": "registration"}
OK, GO = editor(m.OK), editor(SEE_OTHER)

ROWS: list[Row] = [
    Row("formeditor:index", get=editor(m.OK).but(own_staff=m.OK, other_staff=m.OK), post=GET_ONLY),
    _row("overview", OK, GET_ONLY),
    _row("open", GET_ONLY, GO),
    _row("texts", OK, editor(BAD)),
    _row("export", OK, GET_ONLY),
    _row("import", OK, editor(BAD)),
    _row("page_add", OK, editor(BAD)),
    _row("page", OK, GO, **PAGE),
    _row("page_move", GET_ONLY, GO, **PAGE),
    _row("page_delete", OK, GO, **PAGE),
    _row("route_add", GET_ONLY, editor(BAD), **PAGE),
    _row("route_delete", GET_ONLY, GO, page_key="residence", index=0),
    _row("question_add", OK, OK, **PAGE),
    _row("question", OK, GO, **QUESTION),
    _row("question_move", GET_ONLY, GO, **QUESTION),
    _row("question_delete", OK, GO, **QUESTION),
    _row("exit_add", OK, editor(BAD)),
    _row("exit", OK, GO, exit_key="not_eligible"),
    _row("exit_delete", GET_ONLY, GO, exit_key="not_eligible"),
    _row("preview", OK, OK, **PAGE),
    _row("preview_end", OK, GET_ONLY),
    _row("preview_restart", GET_ONLY, GO),
    _row("publish", OK, GO),
    _row("versions", OK, GET_ONLY),
    _row("version_diff", GO, GET_ONLY),
]
