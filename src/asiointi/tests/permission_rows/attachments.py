"""Files of drafts, sent forms and replies."""

from asiointi.tests.permission_matrix import (
    OK,
    Row,
    Target,
    owners,
)
from asiointi.tests.permission_rows.common import (
    GET_ONLY,
    of_each,
)
from asiointi.tests.permission_world import World


def files(world: World) -> list[Target]:
    return [
        target
        for thing in ("draft_file", "submission_file", "reply_file")
        for target in of_each(world, thing)
    ]


ROWS: list[Row] = [
    Row("attachments:download", targets=files, get=owners(OK), post=GET_ONLY),
]
