"""Every address of the portal, for every persona, by GET and by POST, against the table in
`permission_rows/` (one module per app; the rules are read there).

A new address fails `test_the_table_has_a_row_for_every_address_and_no_other` until it has a
row saying what each persona gets. The matrix itself (`test_every_address_answers_every_
persona_as_the_table_says`) builds a resident's and a company's things, logs the people in
through the built-in identity provider and e-Authorizations, and tries every cell, POSTs with
the persona's own CSRF token; every POST endpoint is also tried without a token once.
Personas and owners are in `permission_matrix.py`, the people and things in
`permission_world.py`.
"""

import json
import re
from pathlib import Path
from typing import Any

import pytest
from django.conf import LazySettings
from django.urls import resolve, reverse
from django.utils import translation

from asiointi.devidp.tests.conftest import _provider_jwk, provider_key  # noqa: F401
from asiointi.identity.keys import client_keys, generate_keys
from asiointi.notify.tests.fixtures import dev_outbox  # noqa: F401
from asiointi.organisations.tests.conftest import portal  # noqa: F401
from asiointi.tests import permission_runner as runner
from asiointi.tests.permission_rows import mounted_rows
from asiointi.tests.permission_rows.django_admin import (
    ADMIN_NOT_POSTED,
    ADMIN_ROW,
    ADMIN_ROWS,
    CATCH_ALL,
    admin_samples,
)
from asiointi.tests.permission_world import build


def test_the_table_has_a_row_for_every_address_and_no_other() -> None:
    names = [p.name for p in runner.url_patterns() if not runner.is_admin(p.name)]
    assert all(name and not name.endswith(":") for name in names), "an address without a name"
    rows = [row.name for row in mounted_rows()]
    assert len(rows) == len(set(rows)), "a URL name with two rows"
    assert not set(names) - set(rows), f"addresses without a row: {sorted(set(names) - set(rows))}"
    assert not set(rows) - set(names), f"rows of no address: {sorted(set(rows) - set(names))}"
    assert set(ADMIN_ROWS) - {CATCH_ALL} <= {p.name for p in runner.url_patterns()}


def test_csrf_exempt_rows_are_the_views_that_are() -> None:
    callbacks = {p.name: p.callback for p in runner.url_patterns()}
    exempt = {name for name, view in callbacks.items() if getattr(view, "csrf_exempt", False)}
    assert {row.name for row in mounted_rows() if row.csrf_exempt} == exempt - {
        name for name in exempt if runner.is_admin(name)
    }


def _sample_kwargs(pattern: runner.Pattern) -> dict[str, Any]:
    values = {"int": 7, "uuid": "0b6e4c8e-3a4c-4b8e-9f3e-1d2c3b4a5f60", "path": "x/y"}
    found = re.findall(r"<(?:(\w+):)?(\w+)>", pattern.route)
    return {name: values.get(converter, "sample") for converter, name in found}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_address_in_swedish_and_english_is_the_same_view_as_in_finnish(language: str) -> None:
    differing = []
    for pattern in runner.url_patterns():
        if not pattern.name or pattern.name.endswith(":") or "(?P<" in pattern.route:
            continue
        kwargs = _sample_kwargs(pattern)
        with translation.override("fi"):
            finnish = reverse(pattern.name, kwargs=kwargs)
        with translation.override(language):
            other = reverse(pattern.name, kwargs=kwargs)
            match = resolve(other)
        if match.func is not resolve(finnish).func or match.view_name != pattern.name:
            differing.append(f"{pattern.name}: {finnish} vs {other} ({match.view_name})")
        if pattern.route.startswith("fi/") and not other.startswith(f"/{language}/"):
            differing.append(f"{pattern.name}: {other} is not under /{language}/")
    assert not differing, "\n".join(differing)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("clamd")
def test_every_address_answers_every_persona_as_the_table_says(
    portal: str,  # noqa: F811
    settings: LazySettings,
    tmp_path: Path,
) -> None:
    # The portal's own OIDC keys (the JWKS it publishes), as `make run` makes them.
    keys_file = tmp_path / "client-keys.json"
    keys_file.write_text(json.dumps(generate_keys().as_dict(private=True)))
    settings.OIDC_CLIENT_JWKS_FILE = str(keys_file)
    client_keys.cache_clear()
    # The GDPR API configured (it answers 404 without an issuer): nobody reaches its keys.
    settings.GDPR_API_ISSUER = "https://profiili.invalid/realms/helsinki"
    settings.GDPR_API_AUDIENCE = "asiointi"
    world = build(portal)
    matrix = runner.Matrix(world)
    for row in mounted_rows():
        matrix.row(row)
    for name, path in admin_samples(world):
        matrix.admin(ADMIN_ROWS.get(name, ADMIN_ROW), name, path, ADMIN_NOT_POSTED)
    mismatches = matrix.run()
    assert not mismatches, runner.report(mismatches, matrix.tried)
