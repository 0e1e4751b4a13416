"""The profile is chosen by the environment; production refuses to start insecurely."""

import secrets

import pytest
from django.core.exceptions import ImproperlyConfigured

from asiointi.env import env_bool, env_int, env_list
from asiointi.tests.production import run_in_production, run_manage


def test_production_refuses_to_start_without_a_secret_key() -> None:
    result = run_manage("check", DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_pass_the_deployment_check() -> None:
    result = run_in_production("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_bad_values_fail_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOME_FLAG", "perhaps")
    monkeypatch.setenv("SOME_NUMBER", "many")
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG"):
        env_bool("SOME_FLAG", False)
    with pytest.raises(ImproperlyConfigured, match="SOME_NUMBER"):
        env_int("SOME_NUMBER", 1)


def test_values_are_read_with_their_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOME_FLAG", "Yes")
    monkeypatch.setenv("SOME_LIST", "a.fi, b.fi,")
    monkeypatch.delenv("MISSING", raising=False)
    assert env_bool("SOME_FLAG", False) is True
    assert env_list("SOME_LIST", []) == ["a.fi", "b.fi"]
    assert env_int("MISSING", 7) == 7


def test_production_refuses_to_start_without_identity_code_keys() -> None:
    result = run_manage("check", DEBUG="false", SECRET_KEY=secrets.token_urlsafe(50))
    assert result.returncode != 0
    assert "IDENTITY_CODE_HASH_KEY" in result.stderr
