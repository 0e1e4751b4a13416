"""The development outbox (embedded profile only)."""

from asiointi.tests.permission_matrix import (
    Row,
    Target,
)
from asiointi.tests.permission_rows.common import (
    GET_ONLY,
    PUBLIC,
)
from asiointi.tests.permission_world import World


def outbox_message(world: World) -> list[Target]:
    assert world.outbox_message is not None
    return [Target({"pk": world.outbox_message.pk})]


ROWS: list[Row] = [
    Row("notify:outbox_list", get=PUBLIC, post=GET_ONLY, only_if="DEV_OUTBOX_ENABLED"),
    Row(
        "notify:outbox_detail",
        targets=outbox_message,
        get=PUBLIC,
        post=GET_ONLY,
        only_if="DEV_OUTBOX_ENABLED",
    ),
]
