"""The load generator: wrk, with a Lua script that prints its exact latency percentiles.

wrk keeps a fixed number of connections busy (a closed loop): each sends its next request as
soon as the previous answer arrives, so throughput and latency are measured at the same load.
"""

import os
import secrets
import shutil
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from asiointi.bench.errors import BenchError

# wrk's --latency prints p50/75/90/99 of one run only; the histogram lets rounds be merged exactly.
DONE_LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%.0f duration_us=%.0f connect=%.0f read=%.0f write=%.0f timeout=%.0f "
      .. "status=%.0f\\n",
    summary.requests, summary.duration, e.connect, e.read, e.write, e.timeout, e.status))
  for i = 1, #latency do
    local microseconds, count = latency(i)
    io.write(string.format("LATENCY %.0f %.0f\\n", microseconds, count))
  end
end
"""

# Each wrk thread has its own Lua state; the thread number keeps unique words unique across them.
# A unique word goes at the end of the last query value ("+" is a space there).
ROTATE_LUA = """
local paths = {%(paths)s}
local unique = %(unique)s
local run = "%(run)s"
local threads = 0
local sent = 0

setup = function(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

request = function()
  sent = sent + 1
  local path = paths[(sent - 1) %% #paths + 1]
  if unique then
    path = path .. "+" .. run .. "t" .. thread_number .. "n" .. sent
  end
  return wrk.format(nil, path)
end
"""


@dataclass(frozen=True)
class LoadSettings:
    connections: int
    rounds: int
    round_seconds: int
    warmup_seconds: int
    threads: int = 1

    @property
    def seconds(self) -> int:
        return self.rounds * self.round_seconds

    def describe(self) -> str:
        return (
            f"wrk -t{self.threads} -c{self.connections}, {self.seconds} s per page in "
            f"{self.rounds} rounds of {self.round_seconds} s, the pages taking turns, "
            f"after a {self.warmup_seconds} s warm-up of each"
        )


@dataclass(frozen=True)
class Measurement:
    requests: int
    seconds: float
    errors: int  # connect, read, write and timeout errors
    failed_responses: int  # answers with status 400 or more, as wrk counts them
    latencies: Counter[int]  # microseconds: how many requests took that long
    round_rates: tuple[float, ...]  # requests/s of each round

    @property
    def requests_per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def round_spread(self) -> float:
        """Half the range of the rounds' requests/s, relative to the whole: the noise."""
        if not self.requests_per_second:
            return 0.0
        rates = self.round_rates
        return (max(rates) - min(rates)) / 2 / self.requests_per_second

    def percentile_ms(self, percent: float) -> float:
        # The rank wrk itself uses, so one round gives what wrk would print.
        rank = round(percent / 100 * sum(self.latencies.values()) + 0.5)
        seen = 0
        for microseconds in sorted(self.latencies):
            seen += self.latencies[microseconds]
            if seen >= rank:
                return microseconds / 1000
        return 0.0

    @property
    def p50_ms(self) -> float:
        return self.percentile_ms(50)

    @property
    def p95_ms(self) -> float:
        return self.percentile_ms(95)

    @property
    def p99_ms(self) -> float:
        return self.percentile_ms(99)


def combine(rounds: list[Measurement]) -> Measurement:
    latencies: Counter[int] = Counter()
    for measurement in rounds:
        latencies.update(measurement.latencies)
    return Measurement(
        requests=sum(m.requests for m in rounds),
        seconds=sum(m.seconds for m in rounds),
        errors=sum(m.errors for m in rounds),
        failed_responses=sum(m.failed_responses for m in rounds),
        latencies=latencies,
        round_rates=tuple(rate for m in rounds for rate in m.round_rates),
    )


def ensure_wrk() -> str:
    """wrk's path; Debian's package is installed when it is missing and we may."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0:
        raise BenchError("wrk is missing: install it with `sudo apt-get install -y wrk`.")
    print("Installing wrk (apt-get install -y wrk) ...", flush=True)
    subprocess.run(["/usr/bin/apt-get", "update", "-q"], check=True)
    subprocess.run(["/usr/bin/apt-get", "install", "-y", "-q", "wrk"], check=True)
    return shutil.which("wrk") or "wrk"


def lua_script(paths: tuple[str, ...], unique: bool) -> str:
    if len(paths) == 1 and not unique:
        return DONE_LUA
    for path in paths:
        # Paths are URL-encoded, so a plain quoted Lua string holds them as they are.
        if not path.isascii() or '"' in path or "\\" in path:
            raise BenchError(f"Not a URL-encoded path: {path!r}")
    quoted = ", ".join(f'"{path}"' for path in paths)
    # A new run name each time: rounds and warm-up must not repeat each other's words.
    rotate = ROTATE_LUA % {
        "paths": quoted,
        "unique": "true" if unique else "false",
        "run": secrets.token_hex(4),
    }
    return rotate + DONE_LUA


def parse_output(output: str) -> Measurement:
    summary: dict[str, float] = {}
    latencies: Counter[int] = Counter()
    for line in output.splitlines():
        if line.startswith("BENCH "):
            summary = {
                key: float(value) for key, value in (item.split("=") for item in line.split()[1:])
            }
        elif line.startswith("LATENCY "):
            _, microseconds, count = line.split()
            latencies[int(microseconds)] += int(count)
    if not summary:
        raise BenchError(f"wrk printed no figures:\n{output}")
    requests = int(summary["requests"])
    seconds = summary["duration_us"] / 1e6
    return Measurement(
        requests=requests,
        seconds=seconds,
        errors=int(summary["connect"] + summary["read"] + summary["write"] + summary["timeout"]),
        failed_responses=int(summary["status"]),
        latencies=latencies,
        round_rates=(requests / seconds if seconds else 0.0,),
    )


def run_wrk(
    settings: LoadSettings,
    base_url: str,
    paths: tuple[str, ...],
    unique: bool,
    seconds: int,
    headers: tuple[tuple[str, str], ...] = (),
) -> Measurement:
    """Load base_url + paths (rotating through them when there are several) for `seconds`."""
    with tempfile.TemporaryDirectory(prefix="asiointi-bench-") as directory:
        script = Path(directory) / "bench.lua"
        script.write_text(lua_script(paths, unique))
        command = [
            ensure_wrk(),
            f"-t{settings.threads}",
            f"-c{settings.connections}",
            f"-d{seconds}s",
            "--timeout",
            "5s",
            *(argument for name, value in headers for argument in ("-H", f"{name}: {value}")),
            "-s",
            str(script),
            base_url + paths[0],
        ]
        completed = subprocess.run(  # noqa: S603 - our own wrk command line
            command, capture_output=True, text=True, check=False, timeout=seconds + 60
        )
    if completed.returncode != 0:
        raise BenchError(f"wrk failed ({completed.returncode}):\n{completed.stderr}")
    return parse_output(completed.stdout)
