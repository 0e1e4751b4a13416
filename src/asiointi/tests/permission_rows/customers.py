"""The GDPR API of the customers app."""

from asiointi.tests.permission_matrix import (
    UNAUTHORIZED,
    Row,
    Target,
    everyone,
)
from asiointi.tests.permission_rows.common import (
    GET_ONLY,
)

ROWS: list[Row] = [
    # The GDPR API answers bearer tokens of the configured issuer only: a session is none.
    Row(
        "gdpr_api:profile",
        targets=lambda world: [Target({"subject": "no-such-subject"})],
        get=everyone(UNAUTHORIZED),
        post=GET_ONLY,
        csrf_exempt=True,
        note="GET and DELETE only; tokens are tried in customers/tests/test_gdpr_api*.py",
    ),
]
