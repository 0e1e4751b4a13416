"""Logging in and out, and the identity provider's calls back (the same for everyone)."""

from asiointi.tests.permission_matrix import (
    BAD_REQUEST,
    NOT_FOUND,
    OK,
    Row,
    everyone,
    logged_in,
    redirect,
)
from asiointi.tests.permission_rows.common import (
    FOLDER,
    GET_ONLY,
    PUBLIC,
)

PROTOCOL_ROWS: list[Row] = [
    # Identity provider protocol: the same for everyone, since the provider calls them.
    Row(
        "identity_protocol:oidc_callback",
        get=everyone(redirect("identity:login_failed")),
        post=GET_ONLY,
        note="no state: a failure, which also logs out",
    ),
    Row("identity_protocol:oidc_jwks", get=PUBLIC, post=GET_ONLY),
    Row(
        "identity_protocol:oidc_backchannel_logout",
        get=GET_ONLY,
        post=everyone(BAD_REQUEST),
        csrf_exempt=True,
    ),
    Row(
        "identity_protocol:provider_logged_out",
        get=everyone(redirect("identity:logged_out")),
        post=GET_ONLY,
    ),
    Row(
        "identity_protocol:saml_metadata",
        get=everyone(NOT_FOUND),
        post=GET_ONLY,
        note="SAML is not the provider here",
    ),
    Row("identity_protocol:saml_acs", get=GET_ONLY, post=everyone(NOT_FOUND), csrf_exempt=True),
    Row(
        "identity_protocol:saml_sls",
        get=everyone(NOT_FOUND),
        post=everyone(NOT_FOUND),
        csrf_exempt=True,
    ),
]

ROWS: list[Row] = [
    # Logging in and out.
    Row("identity:login", get=PUBLIC, post=GET_ONLY),
    Row("identity:login_start", get=GET_ONLY, post=everyone(redirect("/devidp/authorize"))),
    Row("identity:login_succeeded", get=logged_in(OK), post=GET_ONLY),
    Row("identity:login_failed", get=PUBLIC, post=GET_ONLY),
    Row("identity:logout", get=GET_ONLY, post=everyone(redirect("/devidp/end-session"))),
    Row("identity:logged_out", get=PUBLIC, post=GET_ONLY),
    Row(
        "identity:keepalive",
        get=GET_ONLY,
        post=logged_in(FOLDER),
        note="without JavaScript: back to the folder",
    ),
]
