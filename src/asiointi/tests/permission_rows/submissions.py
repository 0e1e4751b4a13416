"""Drafts and sent forms."""

from asiointi.tests.permission_matrix import (
    NOT_ALLOWED,
    OK,
    Row,
    Target,
    customer,
    owners,
)
from asiointi.tests.permission_rows.common import (
    DRAFT,
    FORM_START,
    of_each,
)
from asiointi.tests.permission_world import World, first_page


def drafts(world: World) -> list[Target]:
    return of_each(world, "draft")


def draft_pages(world: World) -> list[Target]:
    return of_each(world, "draft", page_key=first_page)


def fresh_drafts(world: World) -> list[Target]:
    return [Target({"pk": world.fresh_draft(owner).pk}, owner) for owner in world.services]


def submissions(world: World) -> list[Target]:
    return of_each(world, "submission")


ROWS: list[Row] = [
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
]
