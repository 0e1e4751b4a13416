"""Forms: starting one, and its JSON Schema."""

from asiointi.tests.permission_matrix import (
    OK,
    Row,
    Target,
    starts,
)
from asiointi.tests.permission_rows.common import (
    DRAFT,
    GET_ONLY,
    PUBLIC,
    services,
)
from asiointi.tests.permission_world import World


def schemas(world: World) -> list[Target]:
    return [Target({"slug": s.slug, "number": 1}, o) for o, s in world.services.items()]


ROWS: list[Row] = [
    Row("eforms:start", targets=services, get=starts(OK), post=starts(DRAFT)),
    Row("eforms:schema", targets=schemas, get=PUBLIC, post=GET_ONLY),
]
