"""A guard over the whole test run: no personal identity code in an audit row or a log record.

Every audit row saved and every log record emitted (the root logger at DEBUG, the message with its
exception text) is scanned as it is written, since test transactions roll the rows back. Anything
that validates as a Finnish identity code (python-stdnum, test codes 900-999 included, every
century sign of 2023) is a finding; at the end of the session the findings are listed and the run
fails. Under xdist each worker hands its findings to the controller, which reports them all.
"""

import json
import logging
import os
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

import pytest
from stdnum.fi import hetu

# Day, month, year, century sign (+, -, A-F, U-Y), individual number, check character; not part of
# a longer word, so random tokens and hashes rarely match and the checksum rules out the rest.
HETU_SHAPE = re.compile(
    r"(?<![0-9A-Za-z])[0-3]\d[01]\d\d\d[-+A-FU-Y]\d{3}[0-9A-Y](?![0-9A-Za-z])", re.IGNORECASE
)


def identity_codes_in(text: str) -> list[str]:
    """Every valid identity code in `text`, also where it is percent-encoded (a URL)."""
    found: list[str] = []
    for variant in dict.fromkeys((text, unquote(text))):
        for match in HETU_SHAPE.finditer(variant):
            code = match.group().upper()
            if hetu.is_valid(code, allow_temporary=True) and code not in found:
                found.append(code)
    return found


def masked(text: str) -> str:
    for code in identity_codes_in(text):
        text = re.sub(re.escape(code), f"{code[:7]}****", text, flags=re.IGNORECASE)
    return text


# A test that writes a code into an audit row or log on purpose (to prove it is masked where it is
# shown) says so with this marker; the guard does not count what that test writes.
MARKER = "identity_code_written_on_purpose"


@dataclass
class IdentityCodeGuard:
    findings: list[str] = field(default_factory=list)
    paused: bool = False

    def scan(self, where: str, text: str) -> None:
        if not self.paused and identity_codes_in(text):
            test = os.environ.get("PYTEST_CURRENT_TEST", "outside a test").split(" (")[0]
            self.findings.append(f"{test}: {where}: {masked(text)[:500]}")

    def audit_row_saved(self, instance: Any, **kwargs: Any) -> None:
        details = json.dumps(instance.details, ensure_ascii=False, default=str)
        text = f"action={instance.action} target={instance.target} details={details}"
        self.scan("audit row", f"{text} user_agent={instance.user_agent}")


class _Handler(logging.Handler):
    def __init__(self, guard: IdentityCodeGuard) -> None:
        super().__init__(level=logging.DEBUG)
        self.guard = guard
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record)  # the message with its exception and stack text
        except Exception:  # a record that cannot be formatted is scanned raw
            text = f"{record.msg} {record.args}"
        self.guard.scan(f"log record of {record.name}", text)


GUARD = pytest.StashKey[IdentityCodeGuard]()
HANDLER = pytest.StashKey[_Handler]()
FROM_WORKERS = pytest.StashKey[list[str]]()
WORKER_OUTPUT_KEY = "identity_code_findings"


def guard_of(config: pytest.Config) -> IdentityCodeGuard:
    return config.stash[GUARD]


def _watch_logs(handler: _Handler) -> None:
    """The handler on the root logger, the root open to DEBUG; handlers that were there keep the
    level the root had, so the console says no more than before."""
    root = logging.getLogger()
    if handler in root.handlers and root.level == logging.DEBUG:
        return
    previous = root.level
    for other in root.handlers:
        if other.level == logging.NOTSET:
            other.setLevel(previous)
    if handler not in root.handlers:
        root.addHandler(handler)
    root.setLevel(logging.DEBUG)


def pytest_configure(config: pytest.Config) -> None:
    guard = IdentityCodeGuard()
    config.stash[GUARD] = guard
    config.stash[FROM_WORKERS] = []
    config.stash[HANDLER] = _Handler(guard)
    _watch_logs(config.stash[HANDLER])


def pytest_sessionstart(session: pytest.Session) -> None:
    from django.apps import apps

    if apps.ready:  # no Django (pytest -p no:django): logs only
        from django.db.models.signals import post_save

        from asiointi.privacy.models import AuditEvent

        guard = guard_of(session.config)
        post_save.connect(guard.audit_row_saved, sender=AuditEvent, weak=False)


def pytest_runtest_setup(item: pytest.Item) -> None:
    # A test that configures logging afresh would otherwise take the handler away unnoticed.
    _watch_logs(item.config.stash[HANDLER])
    guard_of(item.config).paused = item.get_closest_marker(MARKER) is not None


def pytest_runtest_teardown(item: pytest.Item) -> None:
    guard_of(item.config).paused = False


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    output = getattr(node, "workeroutput", {}) or {}
    node.config.stash[FROM_WORKERS].extend(output.get(WORKER_OUTPUT_KEY, []))


def pytest_sessionfinish(session: pytest.Session) -> None:
    config = session.config
    findings = guard_of(config).findings
    if hasattr(config, "workeroutput"):  # an xdist worker: the controller reports
        config.workeroutput[WORKER_OUTPUT_KEY] = list(findings)
        return
    if (findings or config.stash[FROM_WORKERS]) and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    if hasattr(config, "workeroutput"):
        return
    findings = guard_of(config).findings + config.stash[FROM_WORKERS]
    if findings:
        terminalreporter.section("identity codes in audit rows or log records", red=True)
        for finding in findings:
            terminalreporter.line(finding)
        terminalreporter.line(f"{len(findings)} found, so the run fails (identity_code_guard.py)")
