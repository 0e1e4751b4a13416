"""The built-in identity provider and e-Authorizations (embedded profile only)."""

from django.conf import settings

from asiointi.tests.permission_matrix import (
    BAD_REQUEST,
    UNAUTHORIZED,
    Row,
    Target,
    everyone,
)
from asiointi.tests.permission_rows.common import (
    GET_ONLY,
    PUBLIC,
)
from asiointi.tests.permission_world import World


def register_call(world: World) -> list[Target]:
    # Not a valid identity code: the address holds one, and no test writes a real one to a log.
    return [Target({"client_id": settings.VALTUUDET_CLIENT_ID, "identity_code": "010280-0000"})]


def roles_call(world: World) -> list[Target]:
    return [Target({"session_id": "no-such-session"})]


ROWS: list[Row] = [
    Row("devidp:overview", get=PUBLIC, post=GET_ONLY, only_if="DEVIDP_ENABLED"),
    Row("devidp:discovery", get=PUBLIC, post=GET_ONLY, only_if="DEVIDP_ENABLED"),
    Row("devidp:jwks", get=PUBLIC, post=GET_ONLY, only_if="DEVIDP_ENABLED"),
    Row(
        "devidp:authorize",
        get=everyone(BAD_REQUEST),
        post=everyone(BAD_REQUEST),
        csrf_exempt=True,
        only_if="DEVIDP_ENABLED",
    ),
    Row("devidp:choose_method", get=GET_ONLY, post=everyone(BAD_REQUEST), only_if="DEVIDP_ENABLED"),
    Row("devidp:identify", get=GET_ONLY, post=everyone(BAD_REQUEST), only_if="DEVIDP_ENABLED"),
    Row(
        "devidp:token",
        get=GET_ONLY,
        post=everyone(BAD_REQUEST),
        csrf_exempt=True,
        only_if="DEVIDP_ENABLED",
    ),
    Row(
        "devidp:userinfo",
        get=everyone(UNAUTHORIZED),
        post=everyone(UNAUTHORIZED),
        csrf_exempt=True,
        only_if="DEVIDP_ENABLED",
    ),
    Row(
        "devidp:end_session",
        get=everyone(BAD_REQUEST),
        post=everyone(BAD_REQUEST),
        csrf_exempt=True,
        only_if="DEVIDP_ENABLED",
    ),
    Row(
        "devidp:end_session_confirm",
        get=GET_ONLY,
        post=everyone(BAD_REQUEST),
        only_if="DEVIDP_ENABLED",
    ),
    Row("devidp:end_everywhere", get=GET_ONLY, post=PUBLIC, only_if="DEVIDP_ENABLED"),
    Row(
        "devidp:valtuudet_register",
        targets=register_call,
        get=everyone(UNAUTHORIZED),
        post=GET_ONLY,
        only_if="DEVIDP_ENABLED",
    ),
    Row(
        "devidp:valtuudet_authorize",
        get=everyone(BAD_REQUEST),
        post=GET_ONLY,
        only_if="DEVIDP_ENABLED",
    ),
    Row(
        "devidp:valtuudet_select",
        get=GET_ONLY,
        post=everyone(BAD_REQUEST),
        only_if="DEVIDP_ENABLED",
    ),
    Row(
        "devidp:valtuudet_token",
        get=GET_ONLY,
        post=everyone(UNAUTHORIZED),
        csrf_exempt=True,
        only_if="DEVIDP_ENABLED",
    ),
    Row(
        "devidp:valtuudet_roles",
        targets=roles_call,
        get=everyone(UNAUTHORIZED),
        post=GET_ONLY,
        only_if="DEVIDP_ENABLED",
    ),
]
