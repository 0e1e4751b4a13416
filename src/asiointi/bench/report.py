"""docs/performance.md: how to run the bench, what its figures mean, and a section per scenario
and profile. A run rewrites the sections it measured and keeps the others, so the embedded and
the production profile can both be on record."""

import re
from dataclasses import dataclass
from pathlib import Path

from asiointi.bench.load import LoadSettings
from asiointi.bench.scenario import Comparison, Result, Scenario
from asiointi.bench.server import Profile

SECTION = re.compile(r"<!-- bench:(?P<key>\S+) -->\n.*?<!-- /bench:(?P=key) -->\n", re.DOTALL)
# Hand-written: what the figures mean for the project, where the time goes, what was tried. A run
# keeps it as it is, after the introduction.
FINDINGS = re.compile(r"<!-- findings -->\n.*?<!-- /findings -->\n", re.DOTALL)
PROFILE_ORDER = ("sqlite-locmem", "postgresql-redis", "topology")

INTRODUCTION = """\
# Performance

<!-- Written by `make bench` (src/asiointi/bench/report.py); edit the text there, not here,
     except the findings between the findings markers, which a run keeps as they are. -->

`make bench` serves the portal in its production profile (gunicorn, `DEBUG=false`, the cached
template loader, WhiteNoise's manifest static files) on a free local port and loads it with
[wrk](https://github.com/wg/wrk) from the same machine. Database and cache are those of the
environment: plain `make bench` measures the embedded profile (SQLite + local memory cache),

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/asiointi \\
      REDIS_URL=redis://127.0.0.1:6379/2 make bench

measures production's (PostgreSQL + Redis). Each profile has its own sections below: a run
rewrites those it measured and keeps the others. `.venv/bin/python -m asiointi.bench --help`
lists the options (duration, rounds, connections, gunicorn workers, a single scenario).

The enrollment rush also runs against the production topology that `make prod-up` started (two
gunicorn nodes behind nginx with TLS, PostgreSQL, Redis, a Celery worker): `make bench-topology`
(`RUSH_RESIDENTS=1000` for a smaller rush, which keeps 50 residents to a course), or
`.venv/bin/python -m asiointi.bench --target https://127.0.0.1:8443 --topology-root var/prod`.
The bench then starts no server: it reads the topology's `env` file (its keys, database and
Redis), seeds the courses and residents into its database, makes the sessions in its Redis, and
sends the rush through nginx over HTTPS, trusting the topology's own certificate. The nodes have
no bare view: their liveness address `/healthz` is the baseline. Its sections are the
*make prod-up's topology* ones.

Every page is measured against a bare Django view: a constant page served through the same
middleware by the same gunicorn, in the same run (`asiointi.bench.settings` adds it to the
portal's URLs). The pages and the bare view take turns in short rounds, so anything else the
machine does falls on all of them alike. gunicorn runs sync workers, as behind production's
proxy, one more than there are cores, so that a worker waiting for the database or Redis leaves
no core idle. gthread workers (`--threads 4`) were measured in the enrollment rush on PostgreSQL +
Redis and did worse on this machine (127 against 143 enrollments/s, the bare view 579 against
796 requests/s), so sync workers stay for every scenario.

What the figures mean:

- **Requests/s**: answers per second while every connection sends its next request as soon as
  the previous one is answered, so the server is always busy.
- **p50, p95, p99**: time from sending a request to receiving the whole answer, in milliseconds;
  p99 is the time that 1 request in 100 takes longer than.
- **Errors / non-2xx**: connection errors and timeouts / answers with status 400 or above. Each
  address is first checked to answer 200 itself, not to redirect.
- **Rounds ±**: how much requests/s varied between the rounds, half the range relative to the
  whole. Much more than 10 % means the machine was busy with something else.
- **× bare**: requests/s relative to the bare view. That cancels out most of the machine: what
  is left is what the page costs on top of Django itself.
- **Target**: whether the page met its scenario's goal. A missed target is a finding, not a
  failure of the bench: it still exits 0 and lists the misses at the end.

wrk and gunicorn share the machine's cores, and anything else running steals from both: compare
absolute figures only from the same machine and quiet runs, ratios also across machines.
"""


@dataclass(frozen=True)
class RunInfo:
    date: str
    machine: str
    profile: Profile
    server: str
    load: LoadSettings


@dataclass(frozen=True)
class Section:
    scenario: Scenario
    run: RunInfo
    comparison: Comparison

    @property
    def key(self) -> str:
        return f"{self.scenario.name}:{self.run.profile.key}"


def target_cell(result: Result) -> str:
    if not result.judged:
        return "baseline"
    return "pass" if result.passed else "**FAIL**"


def table_row(label: str, result: Result) -> list[str]:
    measurement = result.measurement
    return [
        label,
        f"{measurement.requests_per_second:,.0f}",
        f"{measurement.p50_ms:.1f}",
        f"{measurement.p95_ms:.1f}",
        f"{measurement.p99_ms:.1f}",
        f"{measurement.errors} / {measurement.failed_responses}",
        f"±{measurement.round_spread:.0%}",
        f"{result.throughput_ratio:.2f}",
        target_cell(result),
    ]


def markdown_table(header: list[str], rows: list[list[str]], numeric_from: int) -> str:
    """A padded table: as readable printed to a terminal as rendered."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        padded = [
            cell.rjust(width) if i >= numeric_from else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "| " + " | ".join(padded) + " |"

    rule = [
        "-" * (width - 1) + ":" if i >= numeric_from else "-" * width
        for i, width in enumerate(widths)
    ]
    return "\n".join([line(header), line(rule), *(line(row) for row in rows)])


def results_table(section: Section) -> str:
    header = ["Page", "Requests/s", "p50 ms", "p95 ms", "p99 ms", "Errors / non-2xx"]
    header += ["Rounds ±", "× bare", "Target"]
    comparison = section.comparison
    rows = [table_row(result.target.label, result) for result in all_results(comparison)]
    return markdown_table(header, rows, numeric_from=1)


def all_results(comparison: Comparison) -> list[Result]:
    return [comparison.baseline, *comparison.results]


def addresses(section: Section) -> str:
    return "\n".join(
        f"- {result.target.label}: `{result.target.describe()}`"
        for result in all_results(section.comparison)
    )


def verdict(section: Section) -> str:
    results = section.comparison.results
    goals = {result.target.goal for result in results if result.target.goal}
    goal_text = "; ".join(goal.describe() for goal in goals)
    missed = [result for result in results if not result.passed]
    if not missed:
        return f"Target: {goal_text}. **All targets met.**"
    lines = [f"Target: {goal_text}. **Missed:**", ""]
    lines += [f"- {result.target.label}: {', '.join(result.misses)}" for result in missed]
    return "\n".join(lines)


def render_section(section: Section) -> str:
    run = section.run
    return "\n".join(
        [
            f"<!-- bench:{section.key} -->",
            f"## {section.scenario.title}: {run.profile.label}",
            "",
            f"Measured {run.date} on {run.machine}. Server: {run.server}, `DEBUG=false`, "
            f"{run.profile.label}. Load: {run.load.describe()}.",
            "",
            section.scenario.about,
            "",
            results_table(section),
            "",
            *(line for note in section.comparison.notes for line in (note, "")),
            verdict(section),
            "",
            "Addresses:",
            "",
            addresses(section),
            f"<!-- /bench:{section.key} -->",
            "",
        ]
    )


def section_order(key: str, scenario_names: list[str]) -> tuple[int, int, str]:
    scenario, _, profile = key.partition(":")
    profile_rank = PROFILE_ORDER.index(profile) if profile in PROFILE_ORDER else len(PROFILE_ORDER)
    return (scenario_names.index(scenario), profile_rank, profile)


def write_report(path: Path, sections: list[Section], scenario_names: list[str]) -> None:
    """Rewrite the report with these sections, keeping earlier ones of known scenarios."""
    kept: dict[str, str] = {}
    findings = ""
    if path.exists():
        earlier = path.read_text()
        for match in SECTION.finditer(earlier):
            if match["key"].partition(":")[0] in scenario_names:
                kept[match["key"]] = match[0]
        found = FINDINGS.search(earlier)
        findings = "\n" + found[0] if found else ""
    kept.update({section.key: render_section(section) for section in sections})
    ordered = sorted(kept, key=lambda key: section_order(key, scenario_names))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(INTRODUCTION + findings + "".join("\n" + kept[key] for key in ordered))
