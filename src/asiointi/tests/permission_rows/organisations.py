"""Acting for an organisation, and e-Authorizations' return address."""

from asiointi.tests.permission_matrix import (
    OK,
    REFUSAL_PAGE,
    Row,
    below,
    customer,
    customer_wide,
    logged_in,
    redirect,
)
from asiointi.tests.permission_rows.common import (
    FOLDER,
    GET_ONLY,
    services,
)

STAFF_AND_ADMINS = ("own_staff", "own_manager", "other_staff", "superuser", "admin")
NEVER_IDENTIFIED_NO_RIGHT = {
    p: redirect(below("organisations:failed", query="?reason=no-right")) for p in STAFF_AND_ADMINS
}
# A resident acting as themself is sent to their own contact details; an organisation's need
# full rights once it is registered; staff are no residents.
AS_SELF_TO_OWN_CONTACT_DETAILS = customer_wide(OK).but(
    resident=redirect("registration:contact_details"),
    other_resident=redirect("registration:contact_details"),
)
# With no code pending there is nothing to confirm: on to the folder. (Not 404 to a mandate
# holder: the first to choose an organisation registers it, whatever their rights, and comes
# back here after the code that registered it.)
AS_SELF_TO_OWN_CODES = customer(FOLDER).but(
    resident=redirect("registration:confirm"), other_resident=redirect("registration:confirm")
)


PROTOCOL_ROWS: list[Row] = [
    # e-Authorizations returns here.
    Row(
        "organisations_protocol:return",
        get=logged_in(redirect("organisations:failed")),
        post=GET_ONLY,
        note="no code: the choice failed",
    ),
]

ROWS: list[Row] = [
    Row("organisations:choose", get=logged_in(OK), post=GET_ONLY),
    Row(
        "organisations:start",
        get=logged_in(redirect("/devidp/valtuudet/")).but(**NEVER_IDENTIFIED_NO_RIGHT),
        post=GET_ONLY,
        note="staff and admin accounts were never identified: no right to ask about",
    ),
    Row("organisations:switch", get=GET_ONLY, post=logged_in(FOLDER)),
    Row("organisations:failed", get=logged_in(OK), post=GET_ONLY),
    Row("organisations:refused", get=logged_in(REFUSAL_PAGE), post=GET_ONLY),
    Row(
        "organisations:audience_refused",
        targets=services,
        get=logged_in(REFUSAL_PAGE),
        post=GET_ONLY,
    ),
    Row(
        "organisations:register",
        get=AS_SELF_TO_OWN_CONTACT_DETAILS,
        post=AS_SELF_TO_OWN_CONTACT_DETAILS,
    ),
    Row(
        "organisations:confirm",
        get=AS_SELF_TO_OWN_CODES,
        post=AS_SELF_TO_OWN_CODES,
        note="no code pending: on to the folder",
    ),
]
