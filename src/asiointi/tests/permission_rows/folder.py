"""The customer's folder: messages, decisions, preferences and the data export."""

from asiointi.tests import permission_matrix as m
from asiointi.tests.permission_matrix import (
    OK,
    Row,
    Target,
    customer,
    customer_wide,
    owners,
    redirect,
)
from asiointi.tests.permission_rows.common import (
    GET_ONLY,
    SEE_OTHER,
    of_each,
)
from asiointi.tests.permission_world import World


def threads(world: World) -> list[Target]:
    general = world.company.general.thread
    assert general is not None
    return [*of_each(world, "thread"), Target({"pk": general.pk}, m.OF_NO_SERVICE)]


def decisions(world: World) -> list[Target]:
    general = world.company.general.decision
    assert general is not None
    return [*of_each(world, "decision"), Target({"pk": general.pk}, m.OF_NO_SERVICE)]


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


ROWS: list[Row] = [
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
]
