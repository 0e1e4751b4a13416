"""The guard over the test run catches identity codes, so it cannot pass by seeing nothing."""

import logging
from collections.abc import Iterator

import pytest

from asiointi.privacy.models import AuditEvent
from asiointi.privacy.services import audit_record
from asiointi.tests.identity_code_guard import IdentityCodeGuard, guard_of, identity_codes_in

CODE = "010675-9981"  # valid, not a test person's code


def test_scanning_finds_valid_codes_of_every_century_sign() -> None:
    text = (
        "GET /service/ypa/user/register/asiointi/010675-9981: HTTP 401 "
        "and 010594Y9032, 131052%2B308T, 010516B903X"
    )
    assert identity_codes_in(text) == ["010675-9981", "010594Y9032", "010516B903X", "131052+308T"]


def test_scanning_ignores_masked_invalid_and_embedded_look_alikes() -> None:
    text = "010675-****, 010675-9982, 123456-7890, token=ab010675-9981, 0106759981"
    assert identity_codes_in(text) == []


@pytest.fixture
def guard(request: pytest.FixtureRequest) -> Iterator[IdentityCodeGuard]:
    """The session's own guard; what a test plants in it is taken out again afterwards."""
    guard = guard_of(request.config)
    before = list(guard.findings)
    yield guard
    guard.findings[:] = before


def test_a_log_record_with_a_code_is_caught(guard: IdentityCodeGuard) -> None:
    logging.getLogger("asiointi.anything").debug("looked up %s", CODE)
    assert guard.findings[-1].endswith("looked up 010675-****")
    try:
        raise ValueError(f"no person {CODE}")
    except ValueError:
        logging.getLogger("asiointi.anything").exception("lookup failed")
    assert "ValueError: no person 010675-****" in guard.findings[-1]
    assert all(CODE not in finding for finding in guard.findings)


@pytest.mark.django_db
def test_an_audit_row_with_a_code_is_caught(guard: IdentityCodeGuard) -> None:
    count = len(guard.findings)
    audit_record(action=AuditEvent.Action.LOGIN_FAILED, details={"detail": f"code {CODE}"})
    audit_findings = [f for f in guard.findings[count:] if ": audit row: " in f]
    assert len(audit_findings) == 1
    assert "010675-****" in audit_findings[0]


INNER_TEST = f"""
import logging

def test_logs_an_identity_code():
    logging.getLogger("inner").warning("person %s", "{CODE}")

def test_logs_nothing_personal():
    logging.getLogger("inner").warning("person 010675-****")
"""


@pytest.mark.parametrize("workers", [[], ["-n", "2"]], ids=["one process", "xdist"])
def test_a_run_that_logged_a_code_fails_at_its_end(
    pytester: pytest.Pytester, workers: list[str]
) -> None:
    pytester.makepyfile(test_inner=INNER_TEST)
    plugins = ["-p", "asiointi.tests.identity_code_guard", "-p", "no:django"]
    result = pytester.runpytest_subprocess(*plugins, "-p", "no:cacheprovider", *workers)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "*identity codes in audit rows or log records*",
            "*test_logs_an_identity_code: log record of inner: inner WARNING person 010675-*",
            "1 found, so the run fails*",
        ]
    )
    assert "2 passed" in result.stdout.str()
    assert CODE not in result.stdout.str()


def test_a_clean_run_passes(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_inner=INNER_TEST.split("def test_logs_an_identity_code")[0])
    pytester.makepyfile(test_clean="def test_nothing():\n    pass\n")
    plugins = ["-p", "asiointi.tests.identity_code_guard", "-p", "no:django"]
    result = pytester.runpytest_subprocess(*plugins, "-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.OK, result.stdout.str()


MARKED_TEST = f"""
import logging
import pytest

@pytest.mark.identity_code_written_on_purpose
def test_writes_a_code_to_prove_masking():
    logging.getLogger("inner").warning("person %s", "{CODE}")

def test_logs_a_code_unmarked():
    logging.getLogger("inner").warning("person %s", "{CODE}")
"""


def test_only_a_test_marked_as_writing_a_code_on_purpose_is_not_counted(
    pytester: pytest.Pytester,
) -> None:
    pytester.makeini(
        "[pytest]\nmarkers =\n    identity_code_written_on_purpose: writes a code on purpose\n"
    )
    pytester.makepyfile(test_inner=MARKED_TEST)
    plugins = ["-p", "asiointi.tests.identity_code_guard", "-p", "no:django"]
    result = pytester.runpytest_subprocess(*plugins, "-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        ["*test_logs_a_code_unmarked: log record*", "1 found, so the run fails*"]
    )
    assert "test_writes_a_code_to_prove_masking:" not in result.stdout.str()
