"""Confirming contact details after the first login."""

from asiointi.tests.permission_matrix import (
    OK,
    Row,
    logged_in,
)
from asiointi.tests.permission_rows.common import (
    FOLDER,
)

ROWS: list[Row] = [
    Row("registration:contact_details", get=logged_in(OK), post=logged_in(OK)),
    Row(
        "registration:confirm",
        get=logged_in(FOLDER),
        post=logged_in(FOLDER),
        note="no code pending",
    ),
]
