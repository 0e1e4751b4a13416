"""The addresses outside the language prefix: health, readiness, metrics, the city's colours."""

from asiointi.tests.permission_matrix import (
    NOT_FOUND,
    Row,
    everyone,
)
from asiointi.tests.permission_rows.common import (
    GET_ONLY,
    PUBLIC,
)

ROWS: list[Row] = [
    # Outside the language prefix.
    Row("healthz", get=PUBLIC, post=GET_ONLY),
    Row("brand_css", get=PUBLIC, post=GET_ONLY),
    Row("readyz", get=PUBLIC, post=GET_ONLY),
    Row(
        "metrics",
        get=everyone(NOT_FOUND),
        post=everyone(NOT_FOUND),
        note="METRICS_TOKEN unset (as in the tests): the address does not exist",
    ),
]
