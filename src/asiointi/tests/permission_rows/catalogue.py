"""The catalogue: public."""

from asiointi.tests import permission_matrix as m
from asiointi.tests.permission_matrix import (
    Row,
    Target,
    everyone,
)
from asiointi.tests.permission_rows.common import (
    FORM_START,
    GET_ONLY,
    PUBLIC,
    services,
)
from asiointi.tests.permission_world import World


def agency(world: World) -> list[Target]:
    return [Target({"slug": world.services[m.OF_RESIDENT].agency.slug})]


def help_page(world: World) -> list[Target]:
    return [Target({"slug": "tietosuoja"})]


ROWS: list[Row] = [
    Row("catalogue:front_page", get=PUBLIC, post=GET_ONLY),
    Row("catalogue:service_list", get=PUBLIC, post=GET_ONLY),
    Row("catalogue:service_detail", targets=services, get=PUBLIC, post=GET_ONLY),
    Row("catalogue:service_start", targets=services, get=everyone(FORM_START), post=GET_ONLY),
    Row("catalogue:agency_list", get=PUBLIC, post=GET_ONLY),
    Row("catalogue:agency_detail", targets=agency, get=PUBLIC, post=GET_ONLY),
    Row("catalogue:help_index", get=PUBLIC, post=GET_ONLY),
    Row("catalogue:help_page", targets=help_page, get=PUBLIC, post=GET_ONLY),
    Row("catalogue:guide_pdf", get=PUBLIC, post=GET_ONLY),
]
