"""The processes `make prod-up` starts and `make prod-down` stops: each in a session of its own,
recorded in a pid file with its start time, so stopping never signals a pid that another
program has since been given."""

import contextlib
import os
import signal
import subprocess
import time
from pathlib import Path

STOP_SECONDS = 20


def start_recorded(
    *, name: str, command: list[str], env: dict[str, str], cwd: Path, logs: Path, pids: Path
) -> int:
    """Start one process in a session of its own, its output to <logs>/<name>.log, and record
    its pid with its start time in <pids>/<name>.pid."""
    log = (logs / f"{name}.log").open("ab")
    process = subprocess.Popen(  # noqa: S603
        command,
        env=env,
        cwd=cwd,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    log.close()
    pids.mkdir(parents=True, exist_ok=True)
    (pids / f"{name}.pid").write_text(f"{process.pid} {_start_time(process.pid)}\n")
    return process.pid


def stop_all_recorded(pids: Path, order: list[str]) -> None:
    """Stop every recorded process, those named in `order` first and in that order."""
    for pid_file in sorted(pids.glob("*.pid"), key=lambda f: _position(order, f.stem)):
        stop_recorded(pid_file)


def _position(order: list[str], name: str) -> int:
    return order.index(name) if name in order else len(order)


def _start_time(pid: int) -> str:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    return stat.rsplit(")", 1)[1].split()[19]


def _alive(pid: int, started: str) -> bool:
    return bool(started) and _start_time(pid) == started


def stop_recorded(pid_file: Path, sig: int = signal.SIGTERM) -> None:
    """Stop the process group a pid file names, if that very process still runs."""
    pid_text, _, started = pid_file.read_text().strip().partition(" ")
    pid = int(pid_text)
    if _alive(pid, started):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, sig)
        deadline = time.monotonic() + STOP_SECONDS
        while _alive(pid, started) and time.monotonic() < deadline:
            _reap(pid)
            time.sleep(0.1)
        if _alive(pid, started):
            os.killpg(pid, signal.SIGKILL)
            while _alive(pid, started):
                _reap(pid)
                time.sleep(0.05)
    pid_file.unlink(missing_ok=True)


def kill_hard(pid_file: Path) -> None:
    """kill -9 the recorded process alone (not its group): as a crash would."""
    pid_text, _, started = pid_file.read_text().strip().partition(" ")
    if _alive(int(pid_text), started):
        os.kill(int(pid_text), signal.SIGKILL)


def _reap(pid: int) -> None:
    # A child of this process (the tests start the topology themselves) stays a zombie until
    # waited for.
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
